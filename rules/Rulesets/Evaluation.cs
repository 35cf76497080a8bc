using Routing.Engine.Intake;

namespace Routing.Rules.Rulesets;

/// A routing decision with the outcome of every rule that was evaluated for it.
public sealed record Evaluation(RoutingDecision Decision, IReadOnlyList<RuleOutcome> Rules);

public sealed record RuleOutcome(string Workflow, string Rule, bool Matched, string? Error);
