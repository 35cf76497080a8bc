using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

internal static class RulesEngineSettings
{
    /// No custom types: expressions see the report and Dynamic LINQ's predefined safe types only.
    /// RulesEngine writes a rule's exception into `ExceptionMessage` and, with formatted error
    /// messages on (its default), also the rule's own `ErrorMessage` whenever the rule does not
    /// match. With them off, `ExceptionMessage` means what RulesEngine documents it as: "the
    /// exception message in case an error is thrown during rules calculation" (RuleResultTree),
    /// so a demo-style rule with an `ErrorMessage` that does not match is not taken for a failure.
    public static ReSettings Restricted => new()
    {
        CustomTypes = [],
        EnableExceptionAsErrorMessage = true,
        EnableFormattedErrorMessage = false,
        IgnoreException = false,
    };
}
