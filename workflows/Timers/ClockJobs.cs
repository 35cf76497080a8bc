using Hangfire;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.Timers;

/// The Hangfire jobs of the clock. Each is safe to run more than once.
internal sealed class ClockJobs(
    TimerDispatcher dispatcher, TimerFiring firing, NotificationDelivery delivery, IBackgroundJobClient jobs)
{
    public const string DispatchJobId = "clock-dispatch";

    /// Dispatches may overlap (a slow one with the next tick, or two hosts): each marks what
    /// it handed over, and a timer handed twice still fires once, so no lock is needed — a
    /// lock once left every dispatch skipping or waiting while timers went unhanded.
    public Task DispatchAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);

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
