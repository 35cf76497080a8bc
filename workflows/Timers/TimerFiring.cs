using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// Fires timers exactly once: each timer is claimed (Pending -> Fired) in the same
/// transaction as its effect, so a second job, a retry or another host finds it fired
/// and does nothing; a job that dies mid-way rolls back and the retry fires it.
internal sealed class TimerFiring(
    RoutingDb db,
    HistoryJournal journal,
    IEnumerable<ITimedStep> steps,
    TimeProvider clock,
    ILogger<TimerFiring> log)
{
    const int Attempts = 3;
    readonly Dictionary<TimerKind, ITimedStep> byKind = steps.ToDictionary(s => s.Kind);

    /// What firing a batch left to do: when its not-yet-due timers are due, and the timers it created.
    public sealed record Outcome(DateTimeOffset? NotYetDue, IReadOnlyList<WorkItemTimer> Created);

    /// Fires the given timers that are due.
    public async Task<Outcome> FireAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken ct)
    {
        DateTimeOffset? notYetDue = null;
        var created = new List<WorkItemTimer>();
        foreach (var id in timerIds)
        {
            var (due, timers) = await FireOneAsync(id, ct);
            created.AddRange(timers);
            if (due is { } d && (notYetDue is null || d < notYetDue)) notYetDue = d;
        }
        return new Outcome(notYetDue, created);
    }

    async Task<(DateTimeOffset? NotYetDue, IReadOnlyList<WorkItemTimer> Created)> FireOneAsync(Guid id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryFireAsync(id, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A person changed the item meanwhile; the step must see the new state.
                db.ChangeTracker.Clear();
            }
        }
    }

    async Task<(DateTimeOffset? NotYetDue, IReadOnlyList<WorkItemTimer> Created)> TryFireAsync(Guid id, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.Now();
        var claimed = await db.Timers
            .Where(t => t.Id == id && t.Status == TimerStatus.Pending && t.DueAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Fired).SetProperty(t => t.FiredAt, now), ct);
        var timer = await db.Timers.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (claimed == 0)
            // Fired or cancelled already (nothing to do), or woken early (say when it is due).
            return (timer is { Status: TimerStatus.Pending } ? timer.DueAt : null, []);

        var item = await db.WorkItems.FirstAsync(w => w.Id == timer!.WorkItemId, ct);
        var report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == item.ReportId, ct);
        var stateBefore = item.State;
        var context = new TimedStepContext(timer!, item, report, now);
        var effects = await byKind[timer!.Kind].FireAsync(context, ct);

        if (item.State != stateBefore)
        {
            item.Version++;
            item.UpdatedAt = now;
        }
        db.Timers.AddRange(context.NewTimers);
        await journal.AppendAsync(
        [
            new(HistoryKinds.TimerFired, TimedSteps.Actor,
                new { Timer = timer.Id, timer.Kind, timer.Round, timer.DueAt, FiredAt = now, DelayMs = (now - timer.DueAt).TotalMilliseconds },
                ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
            .. effects,
        ], ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Timer {TimerId} ({Kind}) fired for work item {WorkItemId}: {Before} -> {After}",
            timer.Id, timer.Kind, item.Id, stateBefore, item.State);
        return (null, context.NewTimers);
    }
}
