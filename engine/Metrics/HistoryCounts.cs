using Microsoft.EntityFrameworkCore;
using Routing.Engine.Effectiveness;
using Routing.Engine.History;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// The figures counted from events rather than from the items' facts.
internal static class HistoryCounts
{
    static readonly string[] Reopened = HistoryKinds.StoredAs(HistoryKinds.Reopened);
    static readonly string[] Escalated = HistoryKinds.StoredAs(HistoryKinds.Escalated);
    static readonly string[] Both = [.. Reopened, .. Escalated];

    /// Reopenings and escalations per department in [s, e) (over the partial index IX_history_metrics).
    public static async Task<Dictionary<string, (int Reopened, int Escalations)>> ReadAsync(
        RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset s, DateTimeOffset e, CancellationToken ct)
    {
        var rows = await db.History.AsNoTracking()
            .Where(h => h.Department != null && departments.Contains(h.Department) && Both.Contains(h.Kind) && h.At >= s && h.At < e)
            .GroupBy(h => new { h.Department, h.Kind }).Select(g => new { g.Key.Department, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.Department!).ToDictionary(g => g.Key, g =>
            (g.Where(r => Reopened.Contains(r.Kind)).Sum(r => r.Count), g.Where(r => Escalated.Contains(r.Kind)).Sum(r => r.Count)));
    }

    /// The measured checks made in [s, e) that judged a fix effective or not (inconclusive and recurrence
    /// verdicts say nothing about the fix), and how many judged it effective.
    public static async Task<Dictionary<string, (int Judged, int Effective)>> JudgedAsync(
        RoutingDb db, IReadOnlyList<string> departments, DateTimeOffset s, DateTimeOffset e, CancellationToken ct)
    {
        var rows = await db.Effectiveness.AsNoTracking()
            .Where(x => departments.Contains(x.Department) && x.CheckedAt >= s && x.CheckedAt < e &&
                        (x.Verdict == EffectivenessVerdicts.Effective || x.Verdict == EffectivenessVerdicts.NotEffective))
            .GroupBy(x => x.Department)
            .Select(g => new { Department = g.Key, Judged = g.Count(), Effective = g.Count(x => x.Verdict == EffectivenessVerdicts.Effective) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Department, r => (r.Judged, r.Effective));
    }
}
