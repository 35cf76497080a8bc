using System.Text.Json.Serialization;
using Routing.Engine.Intake;

namespace Routing.Engine.History.Events;

/// What the ruleset decided for a report. (Events stored before rule failures were recorded have none.)
[HistoryKind(HistoryKinds.ReportRouted)]
internal sealed record ReportRouted(
    int RulesetVersion,
    IReadOnlyList<string> FiredRules,
    IReadOnlyList<ReportRouted.RoutedTo> Routes,
    IReadOnlyList<string> Notify,
    IReadOnlyList<RuleFailure>? RuleFailures = null) : HistoryData
{
    /// `Reason`: the SuccessEvent of the rules that routed there (absent when none has one).
    public sealed record RoutedTo(string Department, string Priority, IReadOnlyList<string> MatchedRules,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null);

    public static ReportRouted Of(RoutingDecision decision) => new(
        decision.RulesetVersion,
        decision.FiredRules,
        [.. decision.Routes.Select(r => new RoutedTo(r.Department, r.Priority, r.MatchedRules, r.Reason))],
        decision.Notify,
        decision.RuleFailures);

    public override string Summary() =>
        $"Routed by ruleset v{RulesetVersion} to {string.Join(", ", Routes.Select(r => $"{r.Department} ({r.Priority})"))}; " +
        $"rules fired: {string.Join(", ", FiredRules)}";
}
