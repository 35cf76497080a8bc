namespace Routing.Engine.History.Events;

/// The item entered a waiting state: its SLA clock stopped with this much of each window left
/// (working time, or clock time for a window counted around the clock).
[HistoryKind(HistoryKinds.ClockPaused)]
internal sealed record WorkItemClockPaused(string State, TimeSpan AckLeft, TimeSpan ResolveLeft) : HistoryData
{
    public override string Summary() => $"SLA clock paused while {State}: {Span(ResolveLeft)} left to resolve";
}
