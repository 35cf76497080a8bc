using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

internal static class RulesEngineSettings
{
    /// No custom types: expressions see the report and Dynamic LINQ's predefined safe types only.
    public static ReSettings Restricted => new()
    {
        CustomTypes = [],
        EnableExceptionAsErrorMessage = true,
        IgnoreException = false,
    };
}
