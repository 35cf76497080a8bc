using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// The pattern came back after the item was resolved: it is open again with fresh due times.
[HistoryKind(HistoryKinds.Reopened)]
internal sealed record WorkItemReopened(
    string Before, string After, int ReportsSinceResolution, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt) : HistoryData
{
    public override string Summary() =>
        $"Reopened: {ReportsSinceResolution} new report{(ReportsSinceResolution == 1 ? "" : "s")} of the pattern since it was resolved";
}
