using System.Text.Json.Serialization;
using Routing.Engine.Calendars;

namespace Routing.Engine.History.Events;

/// The item entered a waiting state: its SLA clock stopped with this much of each window left
/// (working time, or clock time for a window counted around the clock), stored in hours ("PT103H").
[HistoryKind(HistoryKinds.ClockPaused)]
internal sealed record WorkItemClockPaused(
    string State,
    [property: JsonConverter(typeof(IsoDuration.Converter))] TimeSpan AckLeft,
    [property: JsonConverter(typeof(IsoDuration.Converter))] TimeSpan ResolveLeft) : HistoryData
{
    public override string Summary() => $"SLA clock paused while {State}: {Span(ResolveLeft)} left to resolve";
}
