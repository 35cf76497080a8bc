using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// The CSMs' account of the reports they submitted in [from, to): per CSM (the key that submitted) and for the team.
/// Counted live: a report's outcome (fixed, verified effective) comes after it is received.
internal static class CsmAccount
{
    public static async Task<IReadOnlyList<CsmFigures>> QueryAsync(RoutingDb db, DateTimeOffset from, DateTimeOffset to, string? csm, CancellationToken ct)
    {
        var reports = db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt < to);
        // Each from one index: the reports carry their outcome, the items their report's receipt and submitter (MetricsTriggers).
        var counts = await reports.GroupBy(r => r.SubmittedBy)
            .Select(g => new { Csm = g.Key, Submitted = g.Count(), Fixed = g.Count(r => r.FixedAt != null), Effective = g.Count(r => r.VerifiedEffective) })
            .ToListAsync(ct);
        var departments = await db.WorkItems.AsNoTracking().Where(w => w.ReportReceivedAt >= from && w.ReportReceivedAt < to)
            .GroupBy(w => new { w.ReportSubmittedBy, w.Department }).Select(g => new { SubmittedBy = g.Key.ReportSubmittedBy, g.Key.Department, Items = g.Count() })
            .ToListAsync(ct);
        var (spreads, teamSpread) = await ToFixAsync(db, from, to, ct);

        CsmFigures Of(string? who, Func<string?, bool> mine) => new(who,
            counts.Where(c => mine(c.Csm)).Sum(c => c.Submitted),
            departments.Where(d => mine(d.SubmittedBy)).GroupBy(d => d.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Items)),
            counts.Where(c => mine(c.Csm)).Sum(c => c.Fixed),
            counts.Where(c => mine(c.Csm)).Sum(c => c.Effective),
            (who is null ? teamSpread : spreads.GetValueOrDefault(who)) ?? Spread.None);

        // The team first; reports from before submitters were recorded count for the team only.
        var csms = counts.Select(c => c.Csm).OfType<string>().Where(c => csm is null || c == csm).Order(StringComparer.Ordinal);
        return [Of(null, _ => true), .. csms.Select(c => Of(c, x => x == c))];
    }

    /// Calendar time from receiving each report to its fix, per CSM and for the team.
    static async Task<(Dictionary<string, Spread> Each, Spread? Team)> ToFixAsync(RoutingDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var sqlite = !db.Database.IsNpgsql();
        // SQLite stores a UTC time as (ticks / 1000) << 11 (DateTimeOffsetToBinaryConverter): 2048 × 10,000 per second.
        var took = sqlite ? "((\"FixedAt\" >> 11) - (\"ReceivedAt\" >> 11)) / 10000.0" : "EXTRACT(EPOCH FROM (\"FixedAt\" - \"ReceivedAt\"))::float8";
        object[] parameters = sqlite ? [SqliteValues.Of(from), SqliteValues.Of(to)] : [from.ToUniversalTime(), to.ToUniversalTime()];
        var source = "reports WHERE \"ReceivedAt\" >= {0} AND \"ReceivedAt\" < {1} AND \"FixedAt\" IS NOT NULL";
        var percentiles = Percentile.For(db);
        var each = await percentiles.ReadAsync(db, "COALESCE(\"SubmittedBy\", '')", took, source, parameters, ct);
        var team = await percentiles.ReadAsync(db, "CAST('team' AS TEXT)", took, source, parameters, ct);
        return (each.ToDictionary(s => s.Key, s => s.Spread), team.SingleOrDefault()?.Spread);
    }
}
