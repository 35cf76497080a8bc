using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

/// How a rule's result is read, in one place for validation, routing, simulate and the CLI.
internal static class RuleResults
{
    /// Why the rule failed (it threw, or did not compile), or null when it matched or did not.
    /// With RulesEngineSettings.Restricted only an exception sets `ExceptionMessage`; a rule's
    /// `ErrorMessage` never does. A nested rule that fails makes its top-level rule fail, even
    /// where the `Or` it sits in matched anyway: RulesEngine says so only on the nested rule.
    public static string? FailureOf(RuleResultTree result)
    {
        // Read for every rule of every report: a loop, not a query, which allocated for each.
        if (!string.IsNullOrEmpty(result.ExceptionMessage)) return result.ExceptionMessage;
        if (result.ChildResults is null) return null;
        foreach (var child in result.ChildResults)
            if (FailureOf(child) is { } failure) return failure;
        return null;
    }

    /// Why a matched rule matched, in the rule's words: its `SuccessEvent`; for a rule of nested
    /// rules without one, that of the first nested rule that matched (looking deeper when that
    /// one has none either). Null when it did not match or no rule on the way says.
    public static string? ReasonOf(RuleResultTree result) =>
        !result.IsSuccess ? null
        : !string.IsNullOrWhiteSpace(result.Rule.SuccessEvent) ? result.Rule.SuccessEvent
        : (result.ChildResults ?? []).Select(ReasonOf).FirstOrDefault(r => r is not null);
}
