using Routing.Engine.Intake;

namespace Routing.Rules.Rulesets;

/// A routing decision with the outcome of every rule that was evaluated for it.
public sealed record Evaluation(RoutingDecision Decision, IReadOnlyList<RuleOutcome> Rules);

/// `Reason`: the rule's SuccessEvent when it matched (RuleResults.ReasonOf). `Enabled` false: the
/// rule has `"Enabled": false` and was skipped. `Rules`: the outcomes of its nested rules, if it has any.
public sealed record RuleOutcome(string Workflow, string Rule, bool Matched, string? Error, string? Reason = null, bool Enabled = true,
    IReadOnlyList<RuleOutcome>? Rules = null);
