using Microsoft.EntityFrameworkCore;
using Routing.Engine.Lifecycles;
using Routing.Engine.Metrics;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Host.Departments;

/// How a department is doing: open and overdue items now (the work it owes: a Resolved item
/// awaits the service's check, not the department), and over the last 30 days the figures the
/// Accountability page counts for a period (DepartmentTrends): the median time to acknowledge and to
/// resolve (first cycle, in working time where the department's calendar says so), reopenings of the
/// first resolutions, and how many of its fixes the measured check judged effective (of those it
/// judged effective or not). Each is read from an index on its moment, so the page costs the same
/// however long the service has run (joining the period's events to their items read every item).
internal sealed record DepartmentStats(
    string Department, int Open, int Overdue, TimeSpan? MedianToAcknowledge, TimeSpan? MedianToResolve, int Resolved, int Reopened,
    int Effective = 0, int Judged = 0)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(30);

    public double? ReopenRate => Resolved == 0 ? null : (double)Reopened / Resolved;

    /// Null when no fix was judged in the period: an inconclusive check, or one judged by
    /// recurrence, says nothing about whether the department's fixes work.
    public double? EffectiveRate => Judged == 0 ? null : (double)Effective / Judged;

    public static async Task<List<DepartmentStats>> ForAsync(
        IServiceScopeFactory stores, ILifecycles lifecycles, IReadOnlyList<string> departments, DateTimeOffset now, CancellationToken ct)
    {
        // Counted by the database: an overview must not read every open item.
        var owed = stores.ReadAsync(db => db.WorkItems.AsNoTracking()
            .Where(w => departments.Contains(w.Department) && (w.Stage == WorkItemStage.Acknowledgement || w.Stage == WorkItemStage.Resolution))
            .GroupBy(w => w.Department)
            .Select(g => new
            {
                Department = g.Key,
                Open = g.Count(),
                Overdue = g.Count(w => (w.Stage == WorkItemStage.Acknowledgement && w.AckDueAt < now) ||
                                       (w.Stage == WorkItemStage.Resolution && w.ResolveDueAt < now)),
            })
            .ToDictionaryAsync(c => c.Department, ct));
        // The 30 days up to this moment included, so what was done just now counts (SQLite keeps times to 0.1 ms).
        var end = now.AddMilliseconds(1);
        var counting = departments.Count == 0 ? Task.FromResult(new Dictionary<string, PeriodFigures>())
            : DepartmentTrends.CountAsync(stores, lifecycles, departments, end - Period, end, now, ct);
        await Task.WhenAll(owed, counting);
        var (open, period) = (owed.Result, counting.Result);
        return [.. departments.Select(d =>
        {
            var f = period[d];
            return new DepartmentStats(d, open.GetValueOrDefault(d)?.Open ?? 0, open.GetValueOrDefault(d)?.Overdue ?? 0,
                f.ToAcknowledge.Median, f.ToResolve.Median, f.Resolved, f.Reopened, f.Effective, f.Judged);
        })];
    }
}
