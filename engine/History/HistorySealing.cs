using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Routing.Engine.History;

/// Runs the sealer every second (SealEvery) on every host (the one that gets the lock does the work).
/// Real time, not the domain clock: it is plumbing, and events are tamper-evident within
/// about a second of being written.
internal sealed class HistorySealing(IServiceScopeFactory scopes, IOptions<HistoryOptions> options, ILogger<HistorySealing> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        if (options.Value.SealEvery <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.SealEvery);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<HistorySealer>().SealAllAsync(stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not seal the history; will retry");
            }
        }
    }
}
