namespace Routing.Engine.Intake;

/// What the active ruleset decided for one report. RuleFailures lists the rules that threw
/// for it; such a report also goes to triage, since a failed rule may have been the one
/// that should have routed it.
public sealed record RoutingDecision(
    int RulesetVersion,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<string> Notify,
    IReadOnlyList<string> FiredRules,
    IReadOnlyList<RuleFailure> RuleFailures);
