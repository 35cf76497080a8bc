using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Routing.Engine.Patterns;
using Routing.Workflows.Timers;

namespace Routing.Host.Patterns;

/// Registers the scans nobody asks for as recurring Hangfire jobs (PatternScanJobs): the check
/// for imports that wait, every 15 seconds, and the daily scan (Routing:Patterns:DailyScanCron,
/// UTC); nothing where the scheduler is off.
internal sealed class PatternScanSchedule(
    IServiceScopeFactory scopes, IOptions<SchedulerOptions> scheduler, IOptions<PatternOptions> options, ILogger<PatternScanSchedule> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        if (!scheduler.Value.Enabled) return;
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            Register(scope.ServiceProvider.GetRequiredService<IRecurringJobManager>(), options.Value);
        }
        catch (Exception e) when (e is DistributedLockTimeoutException || e.GetType().Name.EndsWith("DistributedLockException", StringComparison.Ordinal))
        {
            // As for the timer dispatch (SchedulerStartup): the stored schedule stays in force.
            log.LogWarning("The recurring pattern scans are locked (by another host, or one that died holding it); keeping their stored schedule");
        }
    }

    public static void Register(IRecurringJobManager recurring, PatternOptions options)
    {
        recurring.AddOrUpdate<PatternScanJobs>(PatternScanJobs.AfterImportJobId, j => j.ScanAfterImportAsync(CancellationToken.None),
            PatternScanJobs.AfterImportCron);
        recurring.AddOrUpdate<PatternScanJobs>(PatternScanJobs.DailyJobId, j => j.ScanDailyAsync(CancellationToken.None), options.DailyScanCron);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
