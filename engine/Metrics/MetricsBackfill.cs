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
/// timers. Batches commit on their own, each marking its items done, so a start after a crash
/// goes on where it stopped; a done item is not read again. Old items are measured on the
/// calendars as they are now. The period cache is emptied after, being derived from these facts.
internal sealed class MetricsBackfill(IServiceScopeFactory scopes, ILogger<MetricsBackfill> log) : IHostedService
{
    const int Batch = 1000;
    const int LogEvery = 50_000;

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        var left = await db.WorkItems.CountAsync(w => w.MetricsVersion == 0, ct);
        if (left == 0) return;
        log.LogInformation("Backfilling the accountability facts of {Items} work items from their history", left);
        var (lifecycles, calendars) = (scope.ServiceProvider.GetRequiredService<ILifecycles>(), scope.ServiceProvider.GetRequiredService<IWorkingCalendars>());
        var timer = Stopwatch.StartNew();
        var done = 0;
        while (await db.WorkItems.AsNoTracking().Where(w => w.MetricsVersion == 0).OrderBy(w => w.Id).Take(Batch).ToListAsync(ct) is { Count: > 0 } items)
        {
            await BackfillAsync(db, lifecycles, calendars, items, ct);
            if ((done + items.Count) / LogEvery > done / LogEvery)
                log.LogInformation("Backfilled {Done} of {Items} work items ({PerSecond:0} a second)",
                    done + items.Count, left, (done + items.Count) / timer.Elapsed.TotalSeconds);
            done += items.Count;
        }
        await db.MetricPeriods.ExecuteDeleteAsync(ct);
        log.LogInformation("Backfilled the accountability facts of {Items} work items in {Seconds:0.0} s", done, timer.Elapsed.TotalSeconds);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    static async Task BackfillAsync(RoutingDb db, ILifecycles lifecycles, IWorkingCalendars calendars, List<WorkItem> items, CancellationToken ct)
    {
        var ids = items.Select(i => i.Id).ToList();
        var history = (await db.History.AsNoTracking()
                .Where(h => h.WorkItemId != null && ids.Contains(h.WorkItemId.Value) && ItemReplay.Kinds.Contains(h.Kind))
                .Select(h => new { h.Sequence, h.WorkItemId, h.At, h.Kind, h.Data }).ToListAsync(ct))
            .OrderBy(h => h.Sequence).ToLookup(h => h.WorkItemId!.Value);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var item in items)
        {
            var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
            var events = history[item.Id].Select(h => (h.At, Data: HistoryData.Read(h.Kind, h.Data))).Where(e => e.Data is not null);
            var f = ItemReplay.Replay(item, lifecycle, SlaClock.Of(item, calendars), events.Select(e => (e.At, e.Data!)));
            // Not a change to the item (its Version stays): what it did is written down.
            await db.WorkItems.Where(w => w.Id == item.Id).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.AcknowledgedAt, f.AcknowledgedAt)
                .SetProperty(w => w.AckTookSeconds, f.AckTookSeconds)
                .SetProperty(w => w.AckMet, f.AckMet)
                .SetProperty(w => w.FirstResolvedAt, f.FirstResolvedAt)
                .SetProperty(w => w.ResolveTookSeconds, f.ResolveTookSeconds)
                .SetProperty(w => w.ResolveMet, f.ResolveMet)
                .SetProperty(w => w.AckPausedSeconds, f.AckPausedSeconds)
                .SetProperty(w => w.ResolvePausedSeconds, f.ResolvePausedSeconds)
                .SetProperty(w => w.VerifiedAt, f.VerifiedAt)
                .SetProperty(w => w.ReopenedCount, f.ReopenedCount)
                .SetProperty(w => w.HandedBackAt, f.HandedBackAt)
                .SetProperty(w => w.MetricsVersion, ItemFacts.Version), ct);
        }
        // A report whose items fall in several batches is done again with each; the last sees them all.
        await ReportOutcome.UpdateAsync(db, [.. items.Select(i => i.ReportId).Distinct()], ct);
        await tx.CommitAsync(ct);
    }
}
