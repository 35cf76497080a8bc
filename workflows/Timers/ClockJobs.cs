using Hangfire;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.Timers;

/// The Hangfire jobs of the clock. Each is safe to run more than once.
internal sealed class ClockJobs(
    TimerDispatcher dispatcher, TimerFiring firing, NotificationDelivery delivery, IBackgroundJobClient jobs, JobStorage storage)
{
    public const string DispatchJobId = "clock-dispatch";

    /// One dispatch at a time across all hosts. A dispatch that finds another running skips
    /// its turn instead of waiting: waiting runs would hold the workers that fire timers.
    public async Task DispatchAsync(CancellationToken ct)
    {
        using var connection = storage.GetConnection();
        IDisposable running;
        try
        {
            running = connection.AcquireDistributedLock("routing:clock-dispatch", TimeSpan.Zero);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Each storage reports a taken lock its own way; whatever kept us from the lock,
            // the next tick looks again.
            return;
        }
        using (running) await dispatcher.DispatchAsync(ct);
    }

    public async Task FireTimersAsync(Guid[] timerIds, CancellationToken ct)
    {
        // Hangfire may wake a job up to a second early: come back when the rest are due.
        var outcome = await firing.FireAsync(timerIds, ct);
        if (outcome.NotYetDue is { } due)
            jobs.Schedule<ClockJobs>(j => j.FireTimersAsync(timerIds, CancellationToken.None), due);
        // A follow-up may be due before the next dispatch looks: hand it over now.
        await dispatcher.HandSoonDueAsync(outcome.Created, ct);
        // What the timers set off (reminders, escalations) is told right away, not at the next dispatch.
        jobs.Enqueue<ClockJobs>(j => j.DeliverDueNotificationsAsync(CancellationToken.None));
    }

    [AutomaticRetry(Attempts = 0)]
    public Task DeliverDueNotificationsAsync(CancellationToken ct) => delivery.DeliverDueAsync(ct);

    public async Task DeliverNotificationsAsync(Guid[] notificationIds, CancellationToken ct)
    {
        if (await delivery.DeliverAsync(notificationIds, ct) is { } retryAt)
            jobs.Schedule<ClockJobs>(j => j.DeliverNotificationsAsync(notificationIds, CancellationToken.None), retryAt);
    }
}
