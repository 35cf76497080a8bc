using Hangfire;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.Timers;

/// The Hangfire jobs of the scheduler: dispatch, fire timers, deliver notifications. Each is
/// safe to run more than once.
internal sealed class TimerJobs(
    TimerDispatcher dispatcher, TimerFiring firing, NotificationDelivery delivery, IBackgroundJobClient jobs, TimeProvider clock)
{
    /// The recurring job's id keeps its historic name: a new id would leave the old one in the store, dispatching too.
    public const string DispatchJobId = "clock-dispatch";
    /// The Hangfire queue of the dispatch and the firings, with workers of its own.
    public const string FiringQueue = "clock";

    /// Dispatches may overlap (a slow one with the next tick, or two hosts): each marks what
    /// it handed over, and a timer handed twice still fires once, so no lock is needed — a
    /// lock once left every dispatch skipping or waiting while timers went unhanded.
    [Queue(FiringQueue)]
    public Task DispatchAsync(CancellationToken ct) => dispatcher.DispatchAsync(ct);

    [Queue(FiringQueue)]
    public async Task FireTimersAsync(Guid[] timerIds, CancellationToken ct)
    {
        var outcome = await firing.FireAsync(timerIds, ct);
        var created = outcome.Created.ToList();
        var notifications = outcome.Notifications.ToList();
        // Handed over early so that Hangfire's polling happens before the due time: wait for
        // the rest here when they are that close, and come back later when they are not.
        while (outcome.NotYetDue is { } due && due - clock.GetUtcNow() <= TimerDispatcher.HandEarly)
        {
            await Task.Delay(TimeSpan.FromTicks(Math.Max(0, (due - clock.GetUtcNow()).Ticks)), clock, ct);
            outcome = await firing.FireAsync(timerIds, ct);
            created.AddRange(outcome.Created);
            notifications.AddRange(outcome.Notifications);
        }
        if (outcome.NotYetDue is { } later)
            jobs.Schedule<TimerJobs>(j => j.FireTimersAsync(timerIds, CancellationToken.None), later - TimerDispatcher.HandEarly);
        // A follow-up may be due before the next dispatch looks: hand it over now.
        await dispatcher.HandSoonDueAsync(created, ct);
        // What the timers set off (reminders, escalations) is told right away, not at the next dispatch:
        // these notifications, by a job of their own — not every due one, which each batch of a
        // burst would try to claim again.
        if (notifications.Count > 0)
        {
            var ids = notifications.ToArray();
            jobs.Enqueue<TimerJobs>(j => j.DeliverNotificationsAsync(ids, CancellationToken.None));
        }
    }

    /// No longer enqueued (a firing delivers its own notifications); a stored job may still name it.
    [AutomaticRetry(Attempts = 0)]
    public Task DeliverDueNotificationsAsync(CancellationToken ct) => delivery.DeliverDueAsync(ct);

    public async Task DeliverNotificationsAsync(Guid[] notificationIds, CancellationToken ct)
    {
        if (await delivery.DeliverAsync(notificationIds, ct) is { } retryAt)
            jobs.Schedule<TimerJobs>(j => j.DeliverNotificationsAsync(notificationIds, CancellationToken.None), retryAt);
    }
}
