using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;

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
        // A cancelled or resolved item keeps when its clock stopped (an undo puts it back in its wait), but owes nothing now.
        var pausedAt = item.Stage == WorkItemStage.Final || item.ResolvedAt is not null ? null : item.PausedAt;
        var from = pausedAt ?? now;
        return new(clock.Calendar,
            clock.Left(Sla.AckWithinWindow, from, item.AckDueAt), clock.CountsWorkingTime(Sla.AckWithinWindow),
            clock.Left(Sla.ResolveWithinWindow, from, item.ResolveDueAt), clock.CountsWorkingTime(Sla.ResolveWithinWindow),
            pausedAt);
    }
}
