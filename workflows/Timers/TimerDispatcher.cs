using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;

namespace Routing.Workflows.Timers;

/// Run by a recurring Hangfire job: hands the timers and notifications coming due in the
/// next window to Hangfire as scheduled jobs, one job per batch due in the same second.
/// Intake never talks to Hangfire; this is where the store's rows meet it.
internal sealed class TimerDispatcher(
    RoutingDb db,
    IBackgroundJobClient jobs,
    IOptions<SchedulerOptions> options,
    TimeProvider clock,
    ILogger<TimerDispatcher> log)
{
    const int MaxPerDispatch = 200_000;
    /// Timer jobs are handed to Hangfire this long before their due time and wait for it:
    /// Hangfire's schedule and queue polling (a second each) then delay nothing.
    public static readonly TimeSpan HandEarly = TimeSpan.FromSeconds(2);

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.Now();
        var horizon = now + o.Window;
        var lost = now - o.LostAfter;

        var timers = await db.Timers.AsNoTracking()
            // Lost: overdue, and handed longer ago than that. A burst that takes longer than LostAfter to
            // fire was handed again at every dispatch while its jobs still ran, each a whole batch fired
            // twice, which made the burst slower still.
            .Where(t => t.Status == TimerStatus.Pending && ((t.HandedOffAt == null && t.DueAt <= horizon) || (t.DueAt < lost && t.HandedOffAt < lost)))
            .OrderBy(t => t.DueAt).Take(MaxPerDispatch)
            .Select(t => new Due(t.Id, t.DueAt))
            .ToListAsync(ct);
        await HandTimersAsync(timers, now, ct);

        var notifications = await db.Notifications.AsNoTracking()
            .Where(n => (n.Status == NotificationStatus.Pending && n.HandedOffAt == null && n.NextAttemptAt <= horizon) ||
                        (n.Status == NotificationStatus.Sending && n.NextAttemptAt <= now && (n.HandedOffAt == null || n.HandedOffAt < lost)) ||   // its sender died: lease over
                        (n.Status == NotificationStatus.Pending && n.NextAttemptAt < lost && n.HandedOffAt < lost))
            .OrderBy(n => n.NextAttemptAt).Take(MaxPerDispatch)
            .Select(n => new Due(n.Id, n.NextAttemptAt))
            .ToListAsync(ct);
        foreach (var (at, ids) in Batches(notifications, o.BatchSize))
        {
            Hand(at, now, j => j.DeliverNotificationsAsync(ids, CancellationToken.None));
            await db.Notifications.Where(n => ids.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.HandedOffAt, now), ct);
        }

        if (timers.Count + notifications.Count > 0)
            log.LogInformation("Handed {Timers} timer(s) and {Notifications} notification(s) due by {Horizon:O} to Hangfire",
                timers.Count, notifications.Count, horizon);
        return timers.Count + notifications.Count;
    }

    /// Hands timers just created by a job to Hangfire if they fall due within the window.
    public Task HandSoonDueAsync(IReadOnlyList<WorkItemTimer> created, CancellationToken ct)
    {
        var now = clock.Now();
        return HandTimersAsync([.. created.Where(t => t.DueAt <= now + options.Value.Window).Select(t => new Due(t.Id, t.DueAt))], now, ct);
    }

    async Task HandTimersAsync(List<Due> timers, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (at, ids) in Batches(timers, options.Value.BatchSize))
        {
            Hand(at - HandEarly, now, j => j.FireTimersAsync(ids, CancellationToken.None));
            await db.Timers.Where(t => ids.Contains(t.Id)).ExecuteUpdateAsync(s => s.SetProperty(t => t.HandedOffAt, now), ct);
        }
    }

    /// After the jobs were lost (in-memory Hangfire, restarted), every pending row must be handed again.
    public async Task<int> ForgetHandOffsAsync(CancellationToken ct) =>
        await db.Timers.Where(t => t.Status == TimerStatus.Pending && t.HandedOffAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.HandedOffAt, (DateTimeOffset?)null), ct) +
        await db.Notifications.Where(n => n.Status != NotificationStatus.Delivered && n.HandedOffAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.HandedOffAt, (DateTimeOffset?)null), ct);

    void Hand(DateTimeOffset at, DateTimeOffset now, System.Linq.Expressions.Expression<Func<TimerJobs, Task>> job)
    {
        if (at <= now) jobs.Enqueue(job);
        else jobs.Schedule(job, at);
    }

    sealed record Due(Guid Id, DateTimeOffset At);

    static IEnumerable<(DateTimeOffset At, Guid[] Ids)> Batches(List<Due> due, int size) =>
        due.GroupBy(d => CeilingToSecond(d.At))
            .SelectMany(second => second.Chunk(size).Select(chunk => (second.Key, chunk.Select(d => d.Id).ToArray())));

    // Hangfire keeps schedule times to the second: one job per second of due times, named by its last.
    static DateTimeOffset CeilingToSecond(DateTimeOffset t) =>
        new(t.UtcTicks + (TimeSpan.TicksPerSecond - t.UtcTicks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
