using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

/// How a rule's result is read, in one place for validation, routing, simulate and the CLI.
internal static class RuleResults
{
    /// Why the rule failed (it threw, or did not compile), or null when it matched or did not.
    /// With RulesEngineSettings.Restricted only an exception sets `ExceptionMessage`; a rule's
    /// `ErrorMessage` never does.
    public static string? FailureOf(RuleResultTree result) =>
        string.IsNullOrEmpty(result.ExceptionMessage) ? null : result.ExceptionMessage;
}
