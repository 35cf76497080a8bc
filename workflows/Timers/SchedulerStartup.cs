using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Routing.Workflows.Timers;

/// Registers the recurring dispatch and, when Hangfire keeps jobs in memory (lost on
/// restart), hands every pending timer to it again at once; nothing where the scheduler is off.
internal sealed class SchedulerStartup(
    IServiceScopeFactory scopes,
    IOptions<SchedulerOptions> options,
    ILogger<SchedulerStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled) return;
        await using var scope = scopes.CreateAsyncScope();
        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<TimerJobs>(TimerJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), options.Value.DispatchCron);

        var dispatcher = scope.ServiceProvider.GetRequiredService<TimerDispatcher>();
        if (options.Value.JobsInMemory)
        {
            var forgotten = await dispatcher.ForgetHandOffsAsync(ct);
            if (forgotten > 0) log.LogInformation("Re-handing {Count} pending timer(s) and notification(s) after a restart", forgotten);
        }
        await dispatcher.DispatchAsync(ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
