using Microsoft.EntityFrameworkCore;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Effectiveness;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.WorkItems;

/// The one path every move takes, by a person or a timer: the item's lifecycle moves it (on
/// Stateless), then the move's effects — the timed steps it ends and starts, the due times, the
/// history record and the notifications — in the caller's transaction. Callers decide whether
/// to move; this says what a move does.
internal sealed class WorkItemMoves(
    RoutingDb db, Notifier notifier, NotificationOutbox outbox, IDepartmentDirectory departments, ILifecycles lifecycles,
    IWorkingCalendars calendars, EffectivenessMeasure measure)
{
    /// What a move left for its caller: the history to append (the move's record first) and
    /// the timers it started (already added to the store).
    public sealed record Moved(IReadOnlyList<HistoryEntry> History, IReadOnlyList<WorkItemTimer> Timers);

    /// Moves the item by the action, with the note of the person who moved it (if one did).
    /// The record is the history of the move, made from the states before and after once the
    /// effects are applied (it reads a reopened item's new due times). A move that resolves the
    /// item fixes its effectiveness criterion (the caller's, with the department's choices, or the
    /// default); outcome: how the resolution check judged a fix it verifies or reopens.
    public async Task<Moved> MoveAsync(
        WorkItem item, Lifecycle lifecycle, string action, string actor, string? note, Func<string, string, HistoryData> record,
        DateTimeOffset now, CancellationToken ct, ItemEffectiveness? criterion = null, EffectivenessOutcome? outcome = null)
    {
        var before = item.State;
        var clock = SlaClock.Of(item, calendars);
        item.Enter(await LifecycleMachine.FireAsync(lifecycle, before, action), lifecycle);
        item.Version++;
        item.UpdatedAt = now;

        // Resolved: from now on the resolution check runs; the pattern's reports are counted since,
        // and the segment's complaints are measured against the criterion fixed now.
        var resolves = lifecycle.Checks(item.State) && !lifecycle.Checks(before);
        ItemFacts.Record(item, lifecycle, action, before, resolves, clock, now);

        var ended = TimerPlan.Leaving(lifecycle, before, item.State);
        if (ended.Length > 0)
        {
            // A timer firing reads its batch's timers first: those are cancelled as read (a timer the
            // batch claims has fired, and finds the item gone from its step), the rest in the store.
            var read = db.Tracked<WorkItemTimer>().Where(t => t.WorkItemId == item.Id).ToList();
            foreach (var timer in read.Where(t => t.Status == TimerStatus.Pending && ended.Contains(t.Step))) timer.Status = TimerStatus.Cancelled;
            var readIds = read.Select(t => t.Id).ToList();
            await db.Timers
                .Where(t => t.WorkItemId == item.Id && t.Status == TimerStatus.Pending && ended.Contains(t.Step) && !readIds.Contains(t.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), ct);
        }

        var after = new List<HistoryEntry>();
        switch (action)
        {
            case LifecycleAction.Reopen:
                item.ResolvedAt = null;
                item.Restart(clock, now);
                after.AddRange(notifier.Queue(NotificationEvents.Reopened, item, effectiveness: outcome));
                after.AddRange(notifier.QueueSubmitter(NotificationEvents.Reopened, item, outcome));
                break;
            case LifecycleAction.Escalate:
                after.AddRange(notifier.QueueEscalation(item));
                break;
            case LifecycleAction.Verify:
                after.AddRange(notifier.Queue(NotificationEvents.Verified, item, effectiveness: outcome));
                after.AddRange(notifier.QueueSubmitter(NotificationEvents.Verified, item, outcome));
                break;
            case LifecycleAction.HandBack:
                after.Add(SendToTriage(item, note, now));
                break;
        }
        if (resolves)
        {
            item.ResolvedAt = now;
            after.AddRange(notifier.QueueSubmitter(NotificationEvents.Resolved, item));
            criterion ??= await FixAsync(item, actor, now, ct);
            if (criterion is not null)
            {
                db.Effectiveness.Add(criterion);
                after.Add(new(actor, EffectivenessCriterionFixed.Of(criterion), ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department));
            }
        }
        var pause = SlaPause.Apply(item, lifecycle, clock, now);
        if (pause is not null) after.Add(new(actor, pause, ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department));
        // Steps that run on through a wait hang on due times that stop with the clock: their timers
        // wait with it, and start again at the moved due times.
        if (pause is WorkItemClockPaused) await DueTimers.HoldAsync(db, item, lifecycle, ct);
        var resumed = pause is WorkItemClockResumed;
        var timers = new List<WorkItemTimer>();
        foreach (var timer in TimerPlan.Entering(item, lifecycle, before, now, clock).Concat(resumed ? TimerPlan.Resuming(item, lifecycle, before) : []))
        {
            // A measured fix is checked when its observation window ends.
            if (resolves && criterion is not null && lifecycle.Step(timer.Step)?.Then == TimedStep.Check)
                timer.DueAt = EffectivenessMeasure.Instant(criterion.AfterTo);
            if (!await FiredAsync(timer, ct)) timers.Add(timer);
        }
        db.Timers.AddRange(timers);
        // Only a final state can finish a report's work (a verify) or take an item out of it (a cancel, a hand-back).
        if (item.Stage == WorkItemStage.Final) await ReportOutcome.UpdateAsync(db, [item.ReportId], ct);

        HistoryEntry moved = new(actor, record(before, item.State),
            ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department);
        return new Moved([moved, .. after], timers);
    }

    /// Whether the step already fired at this due time: an item that comes back into a step's
    /// states (a SCAR's root cause rejected) is not escalated twice for one passed due time.
    async Task<bool> FiredAsync(WorkItemTimer timer, CancellationToken ct) =>
        db.Tracked<WorkItemTimer>().Any(t => t.WorkItemId == timer.WorkItemId && t.Step == timer.Step && t.DueAt == timer.DueAt && t.Status == TimerStatus.Fired)
        || await db.Timers.AnyAsync(t => t.WorkItemId == timer.WorkItemId && t.Step == timer.Step && t.DueAt == timer.DueAt && t.Status == TimerStatus.Fired, ct);

    /// The default criterion of an item resolved now (null: judged by recurrence).
    public async Task<ItemEffectiveness?> FixAsync(WorkItem item, string actor, DateTimeOffset now, CancellationToken ct, EffectivenessChoice? choice = null)
    {
        var report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == item.ReportId, ct);
        return await measure.FixAsync(item, report, now, actor, choice, ct);
    }

    /// Puts the item back in the state a final action (cancel, hand-back) took it from, when the
    /// person undoes it (WorkItemUndo). No move of a lifecycle leaves a final state, so this is
    /// not one: the version and time change as a move's do, and the timers of the steps that run
    /// in the state, which the action cancelled, are pending again, due as they were.
    public async Task RestoreAsync(WorkItem item, Lifecycle lifecycle, string to, DateTimeOffset now, CancellationToken ct)
    {
        item.Enter(to, lifecycle);
        item.Version++;
        item.UpdatedAt = now;
        // Undone, a hand-back is not one (a cancel never sets it).
        item.HandedBackAt = null;
        await ReportOutcome.UpdateAsync(db, [item.ReportId], ct);
        // A paused item's steps on due times stay held (DueTimers.HoldAsync) until its clock runs again.
        var steps = TimerPlan.In(lifecycle, to).Where(s => item.PausedAt is null || !TimerPlan.OnDueTime(lifecycle.Step(s)!)).ToArray();
        var timers = await db.Timers.AsNoTracking().Where(t => t.WorkItemId == item.Id && steps.Contains(t.Step)).ToListAsync(ct);
        // The latest timer of each step is the one that was pending; an earlier one has fired, or a
        // reprioritization replaced it (by one due sooner). Ids are time-ordered (version 7).
        db.Timers.AddRange(timers.GroupBy(t => t.Step).Select(g => g.MaxBy(t => t.Id)!)
            .Where(t => t.Status == TimerStatus.Cancelled).Select(t => TimerPlan.Again(t)));
    }

    /// A misrouted item goes back to triage as a new item there, opened as intake opens its
    /// items (under the active version, in the lifecycle triage follows now), carrying the note.
    HistoryEntry SendToTriage(WorkItem item, string? note, DateTimeOffset now)
    {
        var triage = departments.All.First(d => d.Kind == Department.Triage);
        var (version, lifecycle) = lifecycles.ActiveFor(triage.Id);
        var calendar = calendars.Of(triage.Id);
        var handedBack = WorkItem.Open(item.ReportId, triage.Id, item.Priority, item.Sla, version, lifecycle, [], calendar, now);
        db.AddOpened(outbox, [(handedBack, lifecycle, new SlaClock(calendar, handedBack.CalendarTime))], now);
        return new HistoryEntry("system:hand-back", WorkItemRouted.HandedBack(handedBack, from: item, note),
            ReportId: item.ReportId, WorkItemId: handedBack.Id, Department: triage.Id);
    }
}
