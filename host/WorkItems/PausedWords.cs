using Routing.Engine.WorkItems;

namespace Routing.Host.WorkItems;

/// A paused item as the console marks it: its SLA clock stopped when it entered a waiting state,
/// since when (on the calendar's clock when it has one, "Tue 14:00, Europe/Berlin"; otherwise the
/// page shows `Since` in the reader's zone) and the time to resolve that was left then, in words
/// ("5 h 30 min of working time left to resolve"), which stays as it is until the item leaves the state.
internal sealed record PausedWords(DateTimeOffset Since, string? SinceInZone, string State, string Left)
{
    public static PausedWords? Of(WorkItem item, SlaStatus sla, DateTimeOffset now) => sla.PausedAt is not { } since ? null : new(
        since,
        sla.Calendar is { } calendar ? DueInWords.InZoneOf(since, calendar, now) : null,
        item.State,
        sla.ResolveLeft <= TimeSpan.Zero ? "the resolution was already overdue"
        : sla.ResolveInWorkingTime ? $"{DueInWords.Hours(sla.ResolveLeft)} of working time left to resolve"
        : $"{DueInWords.Span(sla.ResolveLeft)} left to resolve");
}
