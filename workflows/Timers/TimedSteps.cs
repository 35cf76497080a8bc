using Routing.Engine.Calendars;
using Routing.Engine.Effectiveness;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Workflows.Notifications;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

/// A timer of a work item coming due: the timed step of the item's lifecycle it belongs to
/// decides. Reminders first (each sets the next), then the step's action — or the resolution
/// check, which verifies or reopens. A move goes through WorkItemMoves, which applies its
/// effects; timers the step starts go in the context, to be handed to Hangfire soon; the firing
/// commits it all with the history returned here, or nothing.
internal sealed class TimedSteps(ILifecycles lifecycles, IWorkingCalendars calendars, Notifier notifier, WorkItemMoves moves, ResolutionCheck check)
{
    public const string Actor = "system:timer";

    public async Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext c, CancellationToken ct)
    {
        var item = c.Item;
        var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
        // The item left the step's states (its timer was cancelled meanwhile, or fired late).
        if (lifecycle.Step(c.Timer.Step) is not { } step || !step.In.Contains(item.State)) return [];

        if (c.Timer.Round < step.Remind)
        {
            c.NewTimers.Add(TimerPlan.Next(item, step, c.Timer, SlaClock.Of(item, calendars)));
            var due = step.At == TimedStep.ResolveDueAt ? item.ResolveDueAt : step.At == TimedStep.AckDueAt ? item.AckDueAt : c.Timer.DueAt;
            return
            [
                new(Actor, new WorkItemReminded(c.Timer.Round + 1, due), ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
                .. notifier.Queue(NotificationEvents.Reminder, item),
            ];
        }
        if (step.Then == TimedStep.Check) return await CheckAsync(c, lifecycle, step, ct);
        if (!LifecycleMachine.Allows(lifecycle, item.State, step.Then)) return [];
        return await MoveAsync(c, lifecycle, step.Then, (before, after) => step.Then == LifecycleAction.Escalate
            ? new WorkItemEscalated(before, after, step.Because)
            : new WorkItemActionTaken(step.Then, before, after, step.Because), ct);
    }

    async Task<IReadOnlyList<HistoryEntry>> CheckAsync(TimedStepContext c, Lifecycle lifecycle, TimedStep step, CancellationToken ct)
    {
        var item = c.Item;
        if (item.ResolvedAt is not { } resolvedAt) return [];
        switch (await check.JudgeAsync(item, c.Report, resolvedAt, c.Now, ct))
        {
            case ResolutionCheck.Judgement.Reopen reopen:
                return await MoveAsync(c, lifecycle, LifecycleAction.Reopen, (before, after) =>
                    new WorkItemReopened(before, after, reopen.Reports, item.AckDueAt, item.ResolveDueAt) { Effectiveness = reopen.Outcome },
                    ct, reopen.Outcome);
            case ResolutionCheck.Judgement.Verify verify:
                return await MoveAsync(c, lifecycle, LifecycleAction.Verify, (before, after) =>
                    new WorkItemVerified(before, after, resolvedAt) { Effectiveness = verify.Outcome }, ct, verify.Outcome);
            case ResolutionCheck.Judgement.Extend extend:
                c.NewTimers.Add(TimerPlan.Due(item, step, EffectivenessMeasure.Instant(extend.WatchTo)));
                return [Entry(item, new EffectivenessCheckExtended(extend.Outcome, extend.WatchTo))];
            case ResolutionCheck.Judgement.HandToCsm csm:
                return [Entry(item, new EffectivenessUndecided(csm.Outcome, csm.Csm)),
                    .. notifier.Queue(NotificationEvents.Inconclusive, item, effectiveness: csm.Outcome)];
            case ResolutionCheck.Judgement.Wait wait:
                c.NewTimers.Add(TimerPlan.Due(item, step, wait.Until));
                return [];
            case ResolutionCheck.Judgement.Nothing:
                return [];
            default:
                throw new InvalidOperationException("Unknown judgement.");
        }
    }

    static HistoryEntry Entry(WorkItem item, HistoryData data) =>
        new(Actor, data, ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department);

    /// Moves the item as the step decided, by the one path every move takes; the timers the move
    /// started are handed to Hangfire with the firing's others.
    async Task<IReadOnlyList<HistoryEntry>> MoveAsync(
        TimedStepContext c, Lifecycle lifecycle, string action, Func<string, string, HistoryData> record, CancellationToken ct,
        EffectivenessOutcome? outcome = null)
    {
        var moved = await moves.MoveAsync(c.Item, lifecycle, action, Actor, note: null, record, c.Now, ct, outcome: outcome);
        c.NewTimers.AddRange(moved.Timers);
        return moved.History;
    }
}

internal sealed record TimedStepContext(WorkItemTimer Timer, WorkItem Item, Report Report, DateTimeOffset Now)
{
    public List<WorkItemTimer> NewTimers { get; } = [];
}
