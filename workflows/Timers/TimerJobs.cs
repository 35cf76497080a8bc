using Hangfire;

namespace Routing.Workflows.Timers;

/// The Hangfire jobs of the clock. Both are safe to run more than once.
internal sealed class TimerJobs(TimerDispatcher dispatcher, TimerFiring firing, IBackgroundJobClient jobs)
{
    public const string DispatchJobId = "timers-dispatch";

    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    public Task DispatchAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);

    public async Task FireBatchAsync(Guid[] timerIds, CancellationToken ct)
    {
        // Hangfire may wake a job up to a second early: come back when the rest are due.
        if (await firing.FireAsync(timerIds, ct) is { } due)
            jobs.Schedule<TimerJobs>(j => j.FireBatchAsync(timerIds, CancellationToken.None), due);
    }
}
