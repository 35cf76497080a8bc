using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Telemetry;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// Fires timers exactly once. A batch is claimed (Pending -> Fired) in the same
/// transaction as its effects, by one statement over Pending whose row count is checked, so
/// when a second job, a retry, another host or a person got to one of its timers first, the
/// batch rolls back and is fired again without it. A job that dies mid-way rolls
/// back and its retry fires the batch.
internal sealed class TimerFiring(
    RoutingDb db,
    HistoryJournal journal,
    TimedSteps steps,
    TimeProvider clock,
    ILogger<TimerFiring> log)
{
    const int Attempts = 5;

    /// What firing a batch left to do: when its not-yet-due timers are due, the timers it created
    /// and the notifications it queued.
    public sealed record Outcome(DateTimeOffset? NotYetDue, IReadOnlyList<WorkItemTimer> Created, IReadOnlyList<Guid> Notifications);

    /// Fires the given timers that are due, together.
    public async Task<Outcome> FireAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryFireAsync(timerIds, ct);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone fired or cancelled a timer, or changed an item, meanwhile: read again.
                db.ChangeTracker.Clear();
            }
        }
    }

    async Task<Outcome> TryFireAsync(IReadOnlyCollection<Guid> timerIds, CancellationToken ct)
    {
        using var trace = RoutingTelemetry.Source.StartActivity("routing.timers.fire");
        var started = Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.Now();
        var pending = await db.Timers.Where(t => timerIds.Contains(t.Id) && t.Status == TimerStatus.Pending).ToListAsync(ct);
        // Woken early (Hangfire keeps schedule times to the second): say when the rest are due.
        var notYetDue = pending.Where(t => t.DueAt > now).Select(t => (DateTimeOffset?)t.DueAt).Min();
        var due = pending.Where(t => t.DueAt <= now).OrderBy(t => t.DueAt).ToList();
        trace?.SetTag("routing.timers", due.Count);
        if (due.Count == 0) return new Outcome(notYetDue, [], []);

        var itemIds = due.Select(t => t.WorkItemId).Distinct().ToList();
        var items = await db.WorkItems.Where(w => itemIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var reportIds = items.Values.Select(w => w.ReportId).Distinct().ToList();
        // Tracked: the notifications the timers queue find the report's title here by its key
        // (NotificationOutbox.ReportOf), rather than query it once for each.
        var reports = await db.Reports.Where(r => reportIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var created = new List<WorkItemTimer>();
        var history = new List<HistoryEntry>();
        var statesBefore = items.Values.ToDictionary(w => w.Id, w => w.State);
        foreach (var timer in due)
        {
            // An earlier move of this batch ended the timer's step.
            if (timer.Status == TimerStatus.Cancelled) continue;
            var item = items[timer.WorkItemId];
            timer.Status = TimerStatus.Fired;
            timer.FiredAt = now;
            TraceTimer(trace, timer, item, due.Count == 1);
            var context = new TimedStepContext(timer, item, reports[item.ReportId], now);
            var effects = await steps.FireAsync(context, ct);
            created.AddRange(context.NewTimers);
            history.Add(new(TimedSteps.Actor, TimerFired.Of(timer, now),
                ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department));
            history.AddRange(effects);
        }
        db.Timers.AddRange(created); // a move's timers are added already: adding again changes nothing
        await journal.AppendAsync(history, ct);
        var saving = Stopwatch.GetTimestamp();
        // Found once: each look at the tracked entries would otherwise scan them all for changes again.
        db.ChangeTracker.DetectChanges();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var notifications = new List<Guid>();
        try
        {
            foreach (var queued in db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added))
            {
                // This job delivers them (TimerJobs): the dispatcher hands them again only if it is lost.
                queued.Entity.HandedOffAt = now;
                notifications.Add(queued.Entity.Id);
            }
            await ClaimAsync(ct);
            await AddedRows.InsertAsync<WorkItemTimer>(db, ct);
            await AddedRows.InsertAsync<Notification>(db, ct);
            await AddedRows.InsertAsync<HistoryEvent>(db, ct);
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var committed = clock.GetUtcNow();
        foreach (var timer in due.Where(t => t.Status == TimerStatus.Fired)) RoutingTelemetry.TimerFired(timer.Step, committed - timer.DueAt);
        log.LogInformation("Fired {Count} timer(s) due by {Due:O} for {Items} work item(s); {Changed} changed state; {Ms:F0} ms, {SavingMs:F0} ms of it saving and committing",
            due.Count, due[^1].DueAt, items.Count, items.Values.Count(w => w.State != statesBefore[w.Id]),
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, Stopwatch.GetElapsedTime(saving).TotalMilliseconds);
        return new Outcome(notYetDue, created, notifications);
    }

    /// Writes the batch's timers, fired or cancelled by a move of the batch, over Pending in one statement
    /// for each: when one is not Pending any more (someone got to it first), the batch rolls back.
    async Task ClaimAsync(CancellationToken ct)
    {
        var claims = db.ChangeTracker.Entries<WorkItemTimer>()
            .Where(e => e.State == EntityState.Modified && e.Property(t => t.Status).OriginalValue == TimerStatus.Pending &&
                        e.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(WorkItemTimer.Status) or nameof(WorkItemTimer.FiredAt)))
            .ToList();
        foreach (var claim in claims.GroupBy(e => (e.Entity.Status, e.Entity.FiredAt)))
        {
            var ids = claim.Select(e => e.Entity.Id).ToList();
            var (status, firedAt) = claim.Key;
            var written = await db.Timers.Where(t => ids.Contains(t.Id) && t.Status == TimerStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, status).SetProperty(t => t.FiredAt, firedAt), ct);
            if (written != ids.Count) throw new DbUpdateConcurrencyException($"{ids.Count - written} of {ids.Count} timers were no longer pending.");
            foreach (var e in claim)
            {
                // Written: what they hold now is what is stored (Unchanged alone would put back what was read).
                e.OriginalValues.SetValues(e.CurrentValues);
                e.State = EntityState.Unchanged;
            }
        }
    }

    /// A batch of one names its item on the span; a larger batch lists its timers as events.
    static void TraceTimer(Activity? trace, WorkItemTimer timer, WorkItem item, bool alone)
    {
        if (trace is null) return;
        ActivityTagsCollection tags = new()
        {
            ["routing.timer.step"] = timer.Step,
            [RoutingTelemetry.WorkItemId] = item.Id.ToString(),
            [RoutingTelemetry.ReportId] = item.ReportId.ToString(),
            [RoutingTelemetry.RulesetVersion] = item.RulesetVersion,
            [RoutingTelemetry.Department] = item.Department,
        };
        if (alone)
            foreach (var (name, value) in tags) trace.SetTag(name, value);
        else
            trace.AddEvent(new ActivityEvent("timer", tags: tags));
    }
}
