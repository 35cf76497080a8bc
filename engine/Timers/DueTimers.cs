using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Timers;

/// Pending timers following an item's due times when they move (its calendar changed) or stop
/// (its clock paused): each timer whose due time changes is cancelled (and set anew), so the row
/// stays the truth and a job already handed to Hangfire finds its timer gone.
internal static class DueTimers
{
    /// Moves pending timers the caller read (tracked, as their status is checked on write) to
    /// `dueAt(timer, step)`; the timers set anew.
    public static List<WorkItemTimer> Move(
        RoutingDb db, IEnumerable<WorkItemTimer> pending, Lifecycle lifecycle, Func<WorkItemTimer, TimedStep, DateTimeOffset> dueAt)
    {
        var moved = new List<WorkItemTimer>();
        foreach (var timer in pending.Where(t => t.Status == TimerStatus.Pending).ToList())
        {
            if (lifecycle.Step(timer.Step) is not { } step) continue;
            var due = dueAt(timer, step);
            if (due == timer.DueAt) continue;
            timer.Status = TimerStatus.Cancelled;
            moved.Add(TimerPlan.Again(timer, due));
        }
        db.Timers.AddRange(moved);
        return moved;
    }

    /// Holds the item's pending timers that hang on its due times while its clock is stopped: they
    /// are cancelled, as the due times they wait for are not counting down; TimerPlan.Resuming sets
    /// them anew at the moved due times when it runs again. Only a step's first timer hangs on the
    /// due time: reminders after a due time already passed go on.
    public static async Task HoldAsync(RoutingDb db, WorkItem item, Lifecycle lifecycle, CancellationToken ct)
    {
        var steps = lifecycle.Steps.Where(TimerPlan.OnDueTime).Select(s => s.Name).ToList();
        // Tracked: a timer firing's own batch is read already, and its status is checked on write.
        var pending = await db.Timers.Where(t => t.WorkItemId == item.Id && t.Status == TimerStatus.Pending && t.Round == 0 && steps.Contains(t.Step)).ToListAsync(ct);
        foreach (var timer in pending.Where(t => t.Status == TimerStatus.Pending)) timer.Status = TimerStatus.Cancelled;
    }

    /// Where a timer hanging on one of the item's due times is due now; any other stays.
    public static DateTimeOffset AtDueTime(WorkItem item, WorkItemTimer timer, TimedStep step) => (step.At, timer.Round) switch
    {
        (TimedStep.AckDueAt, 0) => item.AckDueAt,
        (TimedStep.ResolveDueAt, 0) => item.ResolveDueAt,
        _ => timer.DueAt,
    };
}
