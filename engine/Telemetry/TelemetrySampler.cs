using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Routing.Engine.Store;
using Routing.Engine.Timers;

namespace Routing.Engine.Telemetry;

/// Reads the store-wide figures behind the gauges every 15 s, so a scrape never queries the
/// store. Both reads are served by indexes (timers by status, history by chain index: its
/// unsealed events are the nulls). Real time, like the sealer: it is plumbing; the age is
/// measured on the domain clock that stamped the events.
internal sealed class TelemetrySampler(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TelemetrySampler> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                RoutingTelemetry.Sampled(await ReadAsync(scope.ServiceProvider.GetRequiredService<RoutingDb>(), stop));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store may not be migrated yet, or be away: the gauges keep their last reading.
                log.LogDebug(e, "Could not sample the store for the telemetry gauges; will retry");
            }
        } while (await timer.WaitForNextTickAsync(stop));
    }

    async Task<TelemetrySample> ReadAsync(RoutingDb db, CancellationToken ct)
    {
        var pending = await db.Timers.LongCountAsync(t => t.Status == TimerStatus.Pending, ct);
        var oldest = await db.History.AsNoTracking().Where(e => e.ChainIndex == null)
            .OrderBy(e => e.Sequence).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(ct);
        var lag = oldest is { } at ? clock.GetUtcNow() - at : TimeSpan.Zero;
        return new TelemetrySample(pending, lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
    }
}
