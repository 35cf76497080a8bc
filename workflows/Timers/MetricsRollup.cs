using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Metrics;
using Routing.Engine.Store;

namespace Routing.Workflows.Timers;

/// Hangfire's hourly job (at :11) that counts the periods that have closed for every department into metric_periods,
/// so that the accountability page and the metrics API find them ready. The first run (after the backfill emptied
/// the cache, or on a new store) fills every period since the first item. Safe to run more than once, or beside a
/// request counting the same period: the first row written wins and both counted the same figures.
internal sealed class MetricsRollup(RoutingDb db, IServiceScopeFactory stores, IDepartmentDirectory departments, ILifecycles lifecycles, TimeProvider clock, ILogger<MetricsRollup> log)
{
    public const string JobId = "metrics-rollup";
    public const string Cron = "11 * * * *";

    /// The periods counted per step, so a long fill logs as it goes.
    const int Step = 52;

    // A failed run is not retried (the next hour's counts what is still missing), and a long first fill
    // never runs twice at once.
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var first = await db.WorkItems.AsNoTracking().OrderBy(w => w.CreatedAt).Select(w => (DateTimeOffset?)w.CreatedAt).FirstOrDefaultAsync(ct);
        if (first is not { } since) return;
        string[] all = [.. departments.All.Select(d => d.Id)];
        foreach (var interval in new[] { MetricsInterval.Week, MetricsInterval.Month })
        {
            // Newest first, a step at a time: the periods people look at are ready first, and a step that fails
            // (a timeout on a big store) leaves the others counted.
            var periods = Periods.Covering(since, now, interval);
            for (var i = 0; i < periods.Count; i += Step)
            {
                var chunk = periods.SkipLast(i).TakeLast(Step).ToList();
                try
                {
                    await DepartmentTrends.QueryAsync(db, stores, lifecycles, all, chunk[0].Start, chunk[^1].End, interval, now, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    log.LogWarning(e, "Metrics rollup: {Interval} periods from {Start} to {End} not counted", Periods.Name(interval), chunk[0].Start, chunk[^1].End);
                    db.ChangeTracker.Clear();
                    continue;
                }
                if (periods.Count > Step)
                    log.LogInformation("Metrics rollup: {Interval} periods counted back to {Start} ({Done} of {Total})",
                        Periods.Name(interval), chunk[0].Start, i + chunk.Count, periods.Count);
            }
        }
    }
}
