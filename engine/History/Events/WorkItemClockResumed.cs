namespace Routing.Engine.History.Events;

/// The item left its waiting state: the clock runs again, the time left as it was, so its due
/// times moved on by the time it waited.
[HistoryKind(HistoryKinds.ClockResumed)]
internal sealed record WorkItemClockResumed(string State, DateTimeOffset PausedAt, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt)
    : HistoryData
{
    public override string Summary() => $"SLA clock resumed in {State} (paused since {Text(PausedAt)}): resolve by {Text(ResolveDueAt)}";
}
