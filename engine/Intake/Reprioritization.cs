using Microsoft.EntityFrameworkCore;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Intake;

/// A recurrence more urgent than the open item it joins tightens that item: its priority, its
/// windows (so a later reopening or hand-back keeps them) and the due times still ahead of it.
/// Nothing is ever loosened, so a recurrence that is as urgent or less changes nothing.
/// Clock: the one the item's windows count on.
internal sealed record Reprioritization(WorkItem Item, string FromPriority, DateTimeOffset FromAckDueAt, DateTimeOffset FromResolveDueAt, SlaClock Clock)
{
    public bool AckDueMoved => Item.AckDueAt != FromAckDueAt;
    public bool ResolveDueMoved => Item.ResolveDueAt != FromResolveDueAt;

    /// Tightens the item to the route decided for its department now; null when the route is not more urgent.
    public static Reprioritization? Apply(WorkItem item, Route route, DateTimeOffset now)
    {
        if (string.CompareOrdinal(route.Priority, item.Priority) >= 0) return null;

        var change = new Reprioritization(item, item.Priority, item.AckDueAt, item.ResolveDueAt, new SlaClock(route.Calendar, item.CalendarTime));
        // A paused item's due times are as they were when its clock stopped: the new windows count from then too.
        var from = item.PausedAt ?? now;
        // The tighter follow-up interval as the item's clock counts it. Left unset, it is half the
        // acknowledgement window, counted as SlaClock.UnsetFollowUpCounts says (4 working hours of a P1D, not 12), so
        // an unset one that is tighter stays unset: half the (now tighter) window.
        TimeSpan Counted(TimeSpan? every, TimeSpan ackWithin) => every is { } set
            ? change.Clock.Length(Sla.FollowUpEveryWindow, set)
            : change.Clock.Length(change.Clock.UnsetFollowUpCounts, ackWithin) / 2;
        var followUpEvery = Counted(item.FollowUpEvery, item.AckWithin) <= Counted(route.FollowUpEvery, route.AckWithin)
            ? item.FollowUpEvery : route.FollowUpEvery;
        item.Priority = route.Priority;
        item.AckWithin = Min(item.AckWithin, route.AckWithin);
        item.ResolveWithin = Min(item.ResolveWithin, route.ResolveWithin);
        item.FollowUpEvery = followUpEvery;
        // A due time is moved only while it is still owed: acknowledgement until someone takes the
        // item, resolution until it is resolved.
        if (item.Stage == WorkItemStage.Acknowledgement)
            item.AckDueAt = Min(item.AckDueAt, change.Clock.Add(Sla.AckWithinWindow, from, route.AckWithin));
        if (item.ResolvedAt is null && item.Stage != WorkItemStage.Final)
            item.ResolveDueAt = Min(item.ResolveDueAt, change.Clock.Add(Sla.ResolveWithinWindow, from, route.ResolveWithin));
        item.Version++;
        item.UpdatedAt = now;
        return change;
    }

    /// Its effects, in the caller's transaction: the timers of the due times that moved earlier are
    /// cancelled and set anew (only a step's first timer hangs on the due time; its reminders
    /// count from it), and the department is told.
    public async Task ApplyAsync(RoutingDb db, NotificationOutbox outbox, Lifecycle lifecycle, DateTimeOffset now, CancellationToken ct)
    {
        if (AckDueMoved) await MoveAsync(db, lifecycle, TimedStep.AckDueAt, Item.AckDueAt, now, ct);
        if (ResolveDueMoved) await MoveAsync(db, lifecycle, TimedStep.ResolveDueAt, Item.ResolveDueAt, now, ct);
        outbox.Queue(db, NotificationEvents.Reprioritized, Item, now);
    }

    async Task MoveAsync(RoutingDb db, Lifecycle lifecycle, string dueTime, DateTimeOffset dueBy, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var step in TimerPlan.At(lifecycle, dueTime))
            if (await db.Timers.Where(t => t.WorkItemId == Item.Id && t.Step == step && t.Round == 0 && t.Status == TimerStatus.Pending && t.DueAt > dueBy)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), ct) > 0)
                db.Timers.Add(TimerPlan.First(Item, lifecycle.Step(step)!, now, Clock));
    }

    /// What the history records: the item before and after.
    public WorkItemReprioritized Data(Guid reportId) =>
        new(reportId, new(FromPriority, FromAckDueAt, FromResolveDueAt), new(Item.Priority, Item.AckDueAt, Item.ResolveDueAt));

    static T Min<T>(T a, T b) where T : IComparable<T> => a.CompareTo(b) <= 0 ? a : b;
}
