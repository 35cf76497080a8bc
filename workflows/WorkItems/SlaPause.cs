using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

/// The SLA clock stops while an item waits on someone else (a state its lifecycle marks
/// waiting: the vendor's root cause with the CSMs, the customer's answer) and runs again with
/// the time that was left when it leaves. The resolution check's state is waiting too, but the
/// item is resolved there: its clock has stopped for good.
internal static class SlaPause
{
    /// Whether the clock stops in the state.
    public static bool StopsIn(Lifecycle lifecycle, string state) =>
        lifecycle.StageOf(state) == WorkItemStage.Waiting && !lifecycle.Checks(state);

    /// Stops or restarts the item's clock for the state it has just entered; what the history
    /// records of it, or null when the clock goes on as it was.
    public static HistoryData? Apply(WorkItem item, Lifecycle lifecycle, SlaClock clock, DateTimeOffset now)
    {
        if (item.ResolvedAt is not null || item.Stage == WorkItemStage.Final) return null;
        var stops = StopsIn(lifecycle, item.State);
        if (stops && item.PausedAt is null)
        {
            item.PausedAt = now;
            return new WorkItemClockPaused(item.State,
                clock.Left(Sla.AckWithinWindow, now, item.AckDueAt), clock.Left(Sla.ResolveWithinWindow, now, item.ResolveDueAt));
        }
        if (stops || item.PausedAt is not { } since) return null;
        ItemFacts.Resumed(item, clock, since, now);
        item.AckDueAt = Resumed(Sla.AckWithinWindow, item.AckDueAt);
        item.ResolveDueAt = Resumed(Sla.ResolveWithinWindow, item.ResolveDueAt);
        item.PausedAt = null;
        return new WorkItemClockResumed(item.State, since, item.AckDueAt, item.ResolveDueAt);

        // A due time that had passed when the clock stopped stays passed.
        DateTimeOffset Resumed(string window, DateTimeOffset due) =>
            clock.Left(window, since, due) is var left && left > TimeSpan.Zero ? clock.Continue(window, now, left) : due;
    }
}
