using System.Globalization;
using Routing.Engine.Timers;

namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.TimerFired)]
internal sealed record TimerFired(Guid Timer, string Kind, int Round, DateTimeOffset DueAt, DateTimeOffset FiredAt, double DelayMs) : HistoryData
{
    public static TimerFired Of(WorkItemTimer timer, DateTimeOffset now) =>
        new(timer.Id, timer.Step, timer.Round, timer.DueAt, now, (now - timer.DueAt).TotalMilliseconds);

    public override string Summary() => string.Create(CultureInfo.InvariantCulture, $"{Kind} timer fired, {DelayMs} ms after it was due");
}
