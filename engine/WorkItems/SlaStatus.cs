using Routing.Engine.Calendars;

namespace Routing.Engine.WorkItems;

/// Where an item's SLA clock stands: the calendar it counts on, the time left to each due time
/// (working time for a window counted on the calendar, clock time otherwise; frozen while the
/// clock is paused), and since when it is paused.
internal sealed record SlaStatus(
    Calendar? Calendar, TimeSpan AckLeft, bool AckInWorkingTime, TimeSpan ResolveLeft, bool ResolveInWorkingTime, DateTimeOffset? PausedAt)
{
    public static SlaStatus Of(WorkItem item, IWorkingCalendars calendars, DateTimeOffset now)
    {
        var clock = SlaClock.Of(item, calendars);
        var from = item.PausedAt ?? now;
        return new(clock.Calendar,
            clock.Left(Sla.AckWithinWindow, from, item.AckDueAt), clock.CountsWorkingTime(Sla.AckWithinWindow),
            clock.Left(Sla.ResolveWithinWindow, from, item.ResolveDueAt), clock.CountsWorkingTime(Sla.ResolveWithinWindow),
            item.PausedAt);
    }
}
