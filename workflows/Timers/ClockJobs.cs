using Hangfire;

namespace Routing.Workflows.Timers;

/// The former name of <see cref="TimerJobs"/>. Hangfire stores each job with its class's name, so
/// jobs scheduled before the rename (a timer due later, a notification's retry) still name this
/// class in a PostgreSQL store: they run here, as the same methods of TimerJobs. New jobs never
/// name it; delete it once no store can hold such a job.
internal sealed class ClockJobs(TimerJobs jobs)
{
    public Task DispatchAsync(CancellationToken ct) => jobs.DispatchAsync(ct);

    public Task FireTimersAsync(Guid[] timerIds, CancellationToken ct) => jobs.FireTimersAsync(timerIds, ct);

    [AutomaticRetry(Attempts = 0)]
    public Task DeliverDueNotificationsAsync(CancellationToken ct) => jobs.DeliverDueNotificationsAsync(ct);

    public Task DeliverNotificationsAsync(Guid[] notificationIds, CancellationToken ct) => jobs.DeliverNotificationsAsync(notificationIds, ct);
}
