using Microsoft.EntityFrameworkCore;
using Routing.Engine.Effectiveness;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.WorkItems;
using Routing.Engine.Lifecycles;

namespace Routing.Host.Departments;

/// How a department is doing: open and overdue items now (the work it owes: a Resolved item
/// awaits the service's check, not the department), and over the last 30 days the median time
/// to acknowledge and to resolve, how often resolved work came back and how many of its fixes
/// the measured check judged effective (of those it judged effective or not).
internal sealed record DepartmentStats(
    string Department, int Open, int Overdue, TimeSpan? MedianToAcknowledge, TimeSpan? MedianToResolve, int Resolved, int Reopened,
    int Effective = 0, int Judged = 0)
{
    public static readonly TimeSpan Period = TimeSpan.FromDays(30);

    public double? ReopenRate => Resolved == 0 ? null : (double)Reopened / Resolved;

    /// Null when no fix was judged in the period: an inconclusive check, or one judged by
    /// recurrence, says nothing about whether the department's fixes work.
    public double? EffectiveRate => Judged == 0 ? null : (double)Effective / Judged;

    public static async Task<List<DepartmentStats>> ForAsync(RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset now, CancellationToken ct)
    {
        // Counted by the database: an overview must not read every open item.
        var open = await db.WorkItems.AsNoTracking()
            .Where(w => departments.Contains(w.Department) && (w.Stage == WorkItemStage.Acknowledgement || w.Stage == WorkItemStage.Resolution))
            .GroupBy(w => w.Department)
            .Select(g => new
            {
                Department = g.Key,
                Open = g.Count(),
                Overdue = g.Count(w => (w.Stage == WorkItemStage.Acknowledgement && w.AckDueAt < now) ||
                                       (w.Stage == WorkItemStage.Resolution && w.ResolveDueAt < now)),
            })
            .ToDictionaryAsync(c => c.Department, ct);
        string[] kinds = [HistoryKinds.Acknowledged, HistoryKinds.Resolved, HistoryKinds.Reopened];
        // Older events keep the kind's former name.
        string[] stored = [.. kinds.SelectMany(HistoryKinds.StoredAs)];
        var since = now - Period;
        var events = (await db.History.AsNoTracking()
            .Where(e => e.At >= since && stored.Contains(e.Kind) && e.Department != null && departments.Contains(e.Department))
            .Join(db.WorkItems, e => e.WorkItemId, w => w.Id, (e, w) => new { e.Kind, e.Department, e.At, w.CreatedAt })
            .ToListAsync(ct))
            .Select(e => e with { Kind = HistoryKinds.Current(e.Kind) });

        // The measured checks of the period, counted by the database as the open items are.
        var judged = await db.Effectiveness.AsNoTracking()
            .Where(e => departments.Contains(e.Department) && e.CheckedAt >= since &&
                        (e.Verdict == EffectivenessVerdicts.Effective || e.Verdict == EffectivenessVerdicts.NotEffective))
            .GroupBy(x => x.Department)
            .Select(g => new { Department = g.Key, Judged = g.Count(), Effective = g.Count(x => x.Verdict == EffectivenessVerdicts.Effective) })
            .ToDictionaryAsync(c => c.Department, ct);

        var byDepartment = events.ToLookup(e => e.Department);
        return [.. departments.Select(d =>
        {
            var mine = byDepartment[d].ToList();
            TimeSpan? Median(string kind) => MedianOf([.. mine.Where(e => e.Kind == kind).Select(e => e.At - e.CreatedAt)]);
            return new DepartmentStats(d,
                open.GetValueOrDefault(d)?.Open ?? 0,
                open.GetValueOrDefault(d)?.Overdue ?? 0,
                Median(kinds[0]), Median(kinds[1]),
                mine.Count(e => e.Kind == kinds[1]), mine.Count(e => e.Kind == kinds[2]),
                judged.GetValueOrDefault(d)?.Effective ?? 0, judged.GetValueOrDefault(d)?.Judged ?? 0);
        })];
    }

    static TimeSpan? MedianOf(List<TimeSpan> spans)
    {
        if (spans.Count == 0) return null;
        spans.Sort();
        return spans.Count % 2 == 1 ? spans[spans.Count / 2] : (spans[spans.Count / 2 - 1] + spans[spans.Count / 2]) / 2;
    }
}
