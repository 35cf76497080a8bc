using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Routing.Engine.Calendars;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Metrics;

/// On start, once: the facts of the items opened before ItemFacts recorded them (MetricsVersion 0),
/// replayed from their history (ItemReplay), and the reports' FixedAt from them. It needs the
/// lifecycles and calendars, so it runs after RulesetStartup, and before the host serves or fires
/// timers. Batches of 1,000 commit on their own, each marking its items done, so a start after a
/// crash goes on where it stopped; a done item is not read again. Old items are measured on the
/// calendars as they are now. The period cache is emptied after, being derived from these facts.
internal sealed class MetricsBackfill(IServiceScopeFactory scopes, ILogger<MetricsBackfill> log) : IHostedService
{
    const int Batch = 1000;
    const int LogEvery = 50_000;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        // The ids at once (16 bytes each), from the partial index: paging the index again for each batch
        // would sort what is left every time.
        var ids = (await db.WorkItems.Where(w => w.MetricsVersion == 0).Select(w => w.Id).ToListAsync(ct)).Order().ToList();
        if (ids.Count == 0) return;
        log.LogInformation("Backfilling the accountability facts of {Items} work items from their history", ids.Count);
        var (lifecycles, calendars) = (scope.ServiceProvider.GetRequiredService<ILifecycles>(), scope.ServiceProvider.GetRequiredService<IWorkingCalendars>());
        var timer = Stopwatch.StartNew();
        var done = 0;
        foreach (var batch in ids.Chunk(Batch))
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await BackfillAsync(db, lifecycles, calendars, batch, ct);
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 5)
                {
                    // Another host moved one of them meanwhile: read the batch again.
                    db.ChangeTracker.Clear();
                }
            }
            db.ChangeTracker.Clear();
            if ((done + batch.Length) / LogEvery > done / LogEvery)
                log.LogInformation("Backfilled {Done} of {Items} work items ({PerSecond:0} a second)",
                    done + batch.Length, ids.Count, (done + batch.Length) / timer.Elapsed.TotalSeconds);
            done += batch.Length;
        }
        await db.MetricPeriods.ExecuteDeleteAsync(ct);
        log.LogInformation("Backfilled the accountability facts of {Items} work items in {Seconds:0.0} s", done, timer.Elapsed.TotalSeconds);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    static async Task BackfillAsync(RoutingDb db, ILifecycles lifecycles, IWorkingCalendars calendars, Guid[] ids, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var items = await db.WorkItems.Where(w => ids.Contains(w.Id) && w.MetricsVersion == 0).ToListAsync(ct);
        var history = (await db.History.AsNoTracking()
                .Where(h => h.WorkItemId != null && ids.Contains(h.WorkItemId.Value) && ItemReplay.Kinds.Contains(h.Kind))
                .Select(h => new { h.Sequence, h.WorkItemId, h.At, h.Kind, h.Data }).ToListAsync(ct))
            .OrderBy(h => h.Sequence).ToLookup(h => h.WorkItemId!.Value);
        foreach (var item in items)
        {
            var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
            var events = history[item.Id].Select(h => (h.At, Data: HistoryData.Read(h.Kind, h.Data))).Where(e => e.Data is not null);
            Take(item, ItemReplay.Replay(item, lifecycle, SlaClock.Of(item, calendars), events.Select(e => (e.At, e.Data!))));
        }
        // Not a change to the items (their Version stays): what they did is written down, in one round trip.
        await db.SaveChangesAsync(ct);
        // A report whose items fall in several batches is done again with each; the last sees them all.
        await ReportOutcome.UpdateAsync(db, [.. items.Select(i => i.ReportId).Distinct()], ct);
        await tx.CommitAsync(ct);
    }

    static void Take(WorkItem item, WorkItem facts)
    {
        item.AcknowledgedAt = facts.AcknowledgedAt;
        item.AckTookSeconds = facts.AckTookSeconds;
        item.AckMet = facts.AckMet;
        item.FirstResolvedAt = facts.FirstResolvedAt;
        item.ResolveTookSeconds = facts.ResolveTookSeconds;
        item.ResolveMet = facts.ResolveMet;
        item.AckPausedSeconds = facts.AckPausedSeconds;
        item.ResolvePausedSeconds = facts.ResolvePausedSeconds;
        item.VerifiedAt = facts.VerifiedAt;
        item.ReopenedCount = facts.ReopenedCount;
        item.HandedBackAt = facts.HandedBackAt;
        item.MetricsVersion = ItemFacts.Version;
    }
}
