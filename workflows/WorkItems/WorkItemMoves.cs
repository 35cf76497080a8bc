using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.WorkItems;

/// The one path of every move, by a person or a timer: fires the lifecycle and applies what
/// follows from the move — the item's version and time, the timers the state it enters
/// cancels and starts, its due times, the history record and the notifications — in the
/// caller's transaction. Callers decide whether to move; this says what a move does.
internal sealed class WorkItemMoves(RoutingDb db, Notifier notifier, IDepartmentDirectory departments)
{
    /// What a move left for its caller: the history to append (the move's record first) and
    /// the timers it started (already added to the store).
    public sealed record Moved(IReadOnlyList<HistoryEntry> History, IReadOnlyList<WorkItemTimer> Timers);

    /// Moves the item by the trigger, with the note of the person who moved it (if one did).
    /// The record is the history of the move, made from the states before and after once the
    /// effects are applied (it reads a reopened item's new due times). A firing timer passes
    /// itself as firing: cancelling its kind leaves it to the firing, which claims it.
    public async Task<Moved> MoveAsync(
        WorkItem item, WorkItemTrigger trigger, string actor, string? note, Func<WorkItemState, WorkItemState, HistoryData> record,
        DateTimeOffset now, CancellationToken ct, Guid? firing = null)
    {
        var before = item.State;
        await WorkItemLifecycle.For(() => item.State, s => item.State = s).FireAsync(trigger);
        item.Version++;
        item.UpdatedAt = now;

        var timers = new List<WorkItemTimer>();
        var cancel = Cancels(item.State);
        if (cancel.Length > 0)
            await db.Timers
                .Where(t => t.WorkItemId == item.Id && t.Status == TimerStatus.Pending && cancel.Contains(t.Kind) && t.Id != firing)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), ct);

        var after = new List<HistoryEntry>();
        switch (item.State)
        {
            case WorkItemState.Resolved:
                item.ResolvedAt = now;
                timers.Add(TimerPlan.ResolutionCheck(item, now));
                break;
            case WorkItemState.Reopened:
                item.ResolvedAt = null;
                item.AckDueAt = now + item.AckWithin;
                item.ResolveDueAt = now + item.ResolveWithin;
                timers.AddRange(TimerPlan.ForOpenItem(item));
                after.Add(notifier.Queue(NotificationEvents.Reopened, item));
                break;
            case WorkItemState.Escalated:
                after.AddRange(notifier.QueueEscalation(item));
                break;
            case WorkItemState.Verified:
                after.Add(notifier.Queue(NotificationEvents.Verified, item));
                break;
            case WorkItemState.HandedBack:
                after.Add(SendToTriage(item, note, now));
                break;
        }
        db.Timers.AddRange(timers);

        HistoryEntry moved = new(actor, record(before, item.State),
            ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department);
        return new Moved([moved, .. after], timers);
    }

    /// The timers entering a state ends: taking the item ends its reminders; a resolution or
    /// a final state ends every timer. Escalating and reopening end none.
    static TimerKind[] Cancels(WorkItemState entered) => entered switch
    {
        WorkItemState.Acknowledged or WorkItemState.InProgress => [TimerKind.FollowUp],
        WorkItemState.Resolved => All,
        _ when WorkItemLifecycle.Final.Contains(entered) => All,
        _ => [],
    };

    static readonly TimerKind[] All = [TimerKind.FollowUp, TimerKind.ResolutionDue, TimerKind.ResolutionCheck];

    /// Puts the item back in the state a final action (cancel, hand-back) took it from, when the
    /// person undoes it (WorkItemUndo). No move of the lifecycle leaves a final state, so this is
    /// not one: the version and time change as a move's do, and the timers the state waits on that
    /// the action cancelled are pending again, due as they were.
    public async Task RestoreAsync(WorkItem item, WorkItemState to, DateTimeOffset now, CancellationToken ct)
    {
        item.State = to;
        item.Version++;
        item.UpdatedAt = now;
        var kinds = WaitsOn(to);
        var timers = await db.Timers.AsNoTracking().Where(t => t.WorkItemId == item.Id && kinds.Contains(t.Kind)).ToListAsync(ct);
        // The latest timer of each kind is the one that was pending; an earlier one has fired.
        db.Timers.AddRange(timers.GroupBy(t => t.Kind).Select(g => g.MaxBy(t => t.DueAt)!)
            .Where(t => t.Status == TimerStatus.Cancelled).Select(TimerPlan.Again));
    }

    /// The timers an item waits on in a state: its follow-ups and resolution due while nobody has
    /// taken it, its resolution due while it is worked on, its check once resolved.
    static TimerKind[] WaitsOn(WorkItemState state) =>
        WorkItemLifecycle.AwaitingAcknowledgement.Contains(state) ? [TimerKind.FollowUp, TimerKind.ResolutionDue]
        : WorkItemLifecycle.AwaitingResolution.Contains(state) ? [TimerKind.ResolutionDue]
        : state == WorkItemState.Resolved ? [TimerKind.ResolutionCheck]
        : [];

    /// A misrouted item goes back to triage as a new item there, opened as intake opens its
    /// items, carrying the note.
    HistoryEntry SendToTriage(WorkItem item, string? note, DateTimeOffset now)
    {
        var triage = departments.All.First(d => d.Kind == Department.Triage).Id;
        var handedBack = WorkItem.Open(item.ReportId, triage, item.Priority, item.Sla, item.RulesetVersion, [], now);
        db.AddOpened([handedBack], now);
        return new HistoryEntry("system:hand-back", WorkItemRouted.HandedBack(handedBack, from: item, note),
            ReportId: item.ReportId, WorkItemId: handedBack.Id, Department: triage);
    }
}
