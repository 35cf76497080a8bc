using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Store;
using Routing.Engine.Timers;

namespace Routing.Workflows.Timers;

/// Run by a recurring Hangfire job: hands the timers coming due in the next window to
/// Hangfire as scheduled jobs, one job per batch of timers due in the same second. Intake
/// never talks to Hangfire; this is the only place timers meet it.
internal sealed class TimerDispatcher(
    RoutingDb db,
    IBackgroundJobClient jobs,
    IOptions<ClockOptions> options,
    TimeProvider clock,
    ILogger<TimerDispatcher> log)
{
    const int MaxPerDispatch = 200_000;

    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.Now();
        var horizon = now + o.Window;
        var lost = now - o.LostAfter;
        var coming = await db.Timers.AsNoTracking()
            .Where(t => t.Status == TimerStatus.Pending &&
                        ((t.HandedOffAt == null && t.DueAt <= horizon) || t.DueAt < lost))
            .OrderBy(t => t.DueAt).Take(MaxPerDispatch)
            .Select(t => new { t.Id, t.DueAt })
            .ToListAsync(ct);
        if (coming.Count == 0) return 0;

        var batches = coming
            .GroupBy(t => CeilingToSecond(t.DueAt))
            .SelectMany(second => second.Chunk(o.BatchSize).Select(chunk => (Due: second.Key, Ids: chunk.Select(t => t.Id).ToArray())))
            .ToList();
        foreach (var (due, ids) in batches)
        {
            if (due <= now) jobs.Enqueue<TimerJobs>(j => j.FireBatchAsync(ids, CancellationToken.None));
            else jobs.Schedule<TimerJobs>(j => j.FireBatchAsync(ids, CancellationToken.None), due);
            await db.Timers.Where(t => ids.Contains(t.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.HandedOffAt, now), ct);
        }
        log.LogInformation("Handed {Timers} timer(s) due by {Horizon:O} to Hangfire in {Jobs} job(s)", coming.Count, horizon, batches.Count);
        return coming.Count;
    }

    /// After the jobs were lost (in-memory Hangfire, restarted), every pending timer must be handed again.
    public Task<int> ForgetHandOffsAsync(CancellationToken ct) =>
        db.Timers.Where(t => t.Status == TimerStatus.Pending && t.HandedOffAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.HandedOffAt, (DateTimeOffset?)null), ct);

    // Hangfire keeps schedule times to the second; rounding up keeps a job from running before its timers.
    static DateTimeOffset CeilingToSecond(DateTimeOffset t) =>
        new(t.UtcTicks + (TimeSpan.TicksPerSecond - t.UtcTicks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
