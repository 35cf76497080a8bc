using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.Timers;

/// Registers the recurring dispatch, metrics rollup and tally fold and, when Hangfire keeps jobs in memory (lost on
/// restart), hands every pending timer to it again at once; nothing where the scheduler is off.
internal sealed class SchedulerStartup(
    IServiceScopeFactory scopes,
    IOptions<SchedulerOptions> options,
    IOptions<Routing.Engine.Notifications.EmailOptions> email,
    ILogger<SchedulerStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled) return;
        await using var scope = scopes.CreateAsyncScope();
        var recurring = scope.ServiceProvider.GetRequiredService<IRecurringJobManager>();
        try
        {
            recurring.AddOrUpdate<TimerJobs>(TimerJobs.DispatchJobId, j => j.DispatchAsync(CancellationToken.None), options.Value.DispatchCron);
            recurring.AddOrUpdate<MetricsRollup>(MetricsRollup.JobId, j => j.RunAsync(CancellationToken.None), MetricsRollup.Cron);
            recurring.AddOrUpdate<TallyFold>(TallyFold.JobId, j => j.RunAsync(CancellationToken.None), TallyFold.Cron);
            EmailDigests.Register(recurring, email.Value);
        }
        catch (Exception e) when (e is DistributedLockTimeoutException || e.GetType().Name.EndsWith("DistributedLockException", StringComparison.Ordinal))
        {
            // A host killed while it held the recurring job's lock leaves it held until the lock
            // expires: the stored schedule stays in force, and the start must not fail for it.
            log.LogWarning("The recurring timer dispatch is locked (by another host, or one that died holding it); keeping its stored schedule");
        }

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
