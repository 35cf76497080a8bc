namespace Routing.Engine.Intake;

/// One department that must act on a report, with how urgently and why.
public sealed record Route(
    string Department,
    string Priority,
    TimeSpan AckWithin,
    TimeSpan ResolveWithin,
    TimeSpan? FollowUpEvery,
    TimeSpan? ResolutionCheckAfter,
    IReadOnlyList<string> MatchedRules);

/// What the active ruleset decided for one report. RuleFailures lists the rules that threw
/// for it; such a report also goes to triage, since a failed rule may have been the one
/// that should have routed it.
public sealed record RoutingDecision(
    int RulesetVersion,
    IReadOnlyList<Route> Routes,
    IReadOnlyList<string> Notify,
    IReadOnlyList<string> FiredRules,
    IReadOnlyList<RuleFailure> RuleFailures);

/// A rule that threw while evaluating one report.
public sealed record RuleFailure(string Rule, string Error);
