using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// The CSMs' account of the reports they submitted in [from, to): per CSM (the key that submitted) and for the team.
/// Counted live: a report's outcome (fixed, verified effective) comes after it is received.
internal static class CsmAccount
{
    /// The reads are independent, so each runs on a connection of its own (a scope of `stores`), at once.
    public static async Task<IReadOnlyList<CsmFigures>> QueryAsync(
        IServiceScopeFactory stores, DateTimeOffset from, DateTimeOffset to, string? csm, CancellationToken ct)
    {
        // The reports carry their outcome, the items their report's receipt and submitter (MetricsTriggers): each query reads one index.
        var reading = stores.ReadAsync(db => db.Database.IsNpgsql() ? EachCsmAndTeamAsync(stores, db, from, to, ct) : CountThenSpreadAsync(db, from, to, ct));
        var counting = stores.ReadAsync(db => db.WorkItems.AsNoTracking().Where(w => w.ReportReceivedAt >= from && w.ReportReceivedAt < to)
            .GroupBy(w => new { w.ReportSubmittedBy, w.Department }).Select(g => new { SubmittedBy = g.Key.ReportSubmittedBy, g.Key.Department, Items = g.Count() })
            .ToListAsync(ct));
        await Task.WhenAll(reading, counting);
        var (reports, departments) = (reading.Result, counting.Result);

        CsmFigures Of(Reports r, Func<string?, bool> mine) => new(r.Team ? null : r.Csm, r.Submitted,
            departments.Where(d => mine(d.SubmittedBy)).GroupBy(d => d.Department).OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(d => d.Items)),
            r.Fixed, r.Effective, r.ToFix);

        // The team first, even over no reports; reports from before submitters were recorded count for the team only.
        var team = reports.SingleOrDefault(r => r.Team) ?? new Reports(true, null, 0, 0, 0, Spread.None);
        var csms = reports.Where(r => !r.Team && r.Csm is not null && (csm is null || r.Csm == csm)).OrderBy(r => r.Csm, StringComparer.Ordinal);
        return [Of(team, _ => true), .. csms.Select(r => Of(r, x => x == r.Csm))];
    }

    /// One row per submitter (Csm null: reports from before submitters were recorded) and one for the team.
    sealed record Reports(bool Team, string? Csm, int Submitted, int Fixed, int Effective, Spread ToFix);

    /// PostgreSQL: each CSM's reports of the range in turn, from the index on (submitter, receipt) that carries their
    /// outcome, so each percentile sorts only one CSM's times (the CSMs found by skipping through that index); the
    /// team over the whole range at the same time, on a connection of its own. One GROUPING SETS query over the range
    /// took longer (90 days of a million-item store: 103 against 44 and 35 ms).
    /// percentile_cont leaves out the reports not fixed (their time is null).
    static async Task<List<Reports>> EachCsmAndTeamAsync(IServiceScopeFactory stores, RoutingDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        const string figures = """
            COUNT(*)::int AS "Submitted", COUNT("FixedAt")::int AS "Fixed", COUNT(*) FILTER (WHERE "VerifiedEffective")::int AS "Effective",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("FixedAt" - "ReceivedAt"))::float8) AS "Median",
            percentile_cont(0.9) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("FixedAt" - "ReceivedAt"))::float8) AS "P90"
            """;
        object[] range = [from.ToUniversalTime(), to.ToUniversalTime()];
        var teamSql = $$"""SELECT true AS "Team", NULL::text AS "Csm", {{figures}} FROM reports WHERE "ReceivedAt" >= {0} AND "ReceivedAt" < {1}""";
        var team = stores.ReadAsync(own => SortInMemory.RunAsync(own, () => own.Database.SqlQueryRaw<Row>(teamSql, range).ToListAsync(ct), ct));
        var each = db.Database.SqlQueryRaw<Row>($$"""
            WITH RECURSIVE csms AS (
                (SELECT "SubmittedBy" AS csm FROM reports WHERE "SubmittedBy" IS NOT NULL ORDER BY 1 LIMIT 1)
                UNION ALL
                SELECT next.csm FROM csms CROSS JOIN LATERAL (
                    SELECT "SubmittedBy" AS csm FROM reports WHERE "SubmittedBy" > csms.csm ORDER BY 1 LIMIT 1) next)
            SELECT false AS "Team", csms.csm AS "Csm", f.*
            FROM csms CROSS JOIN LATERAL (
                SELECT {{figures}} FROM reports WHERE "SubmittedBy" = csms.csm AND "ReceivedAt" >= {0} AND "ReceivedAt" < {1}) f
            WHERE f."Submitted" > 0
            """, range).ToListAsync(ct);
        await Task.WhenAll(each, team);
        return [.. each.Result.Concat(team.Result).Select(r => new Reports(r.Team, r.Csm, r.Submitted, r.Fixed, r.Effective,
            r.Fixed == 0 ? Spread.None : new Spread(r.Fixed, Percentile.Seconds(r.Median), Percentile.Seconds(r.P90))))];
    }

    /// SQLite: the counts from one query, the times to fix from SqlitePercentiles (per CSM, then for the team).
    static async Task<List<Reports>> CountThenSpreadAsync(RoutingDb db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var counts = await db.Reports.AsNoTracking().Where(r => r.ReceivedAt >= from && r.ReceivedAt < to).GroupBy(r => r.SubmittedBy)
            .Select(g => new { Csm = g.Key, Submitted = g.Count(), Fixed = g.Count(r => r.FixedAt != null), Effective = g.Count(r => r.VerifiedEffective) })
            .ToListAsync(ct);
        if (counts.Count == 0) return [];
        // SQLite stores a UTC time as (ticks / 1000) << 11 (DateTimeOffsetToBinaryConverter): 2048 × 10,000 per second.
        const string took = "((\"FixedAt\" >> 11) - (\"ReceivedAt\" >> 11)) / 10000.0";
        const string source = "reports WHERE \"ReceivedAt\" >= {0} AND \"ReceivedAt\" < {1} AND \"FixedAt\" IS NOT NULL";
        object[] parameters = [SqliteValues.Of(from), SqliteValues.Of(to)];
        var percentiles = new SqlitePercentiles();
        var each = (await percentiles.ReadAsync(db, "COALESCE(\"SubmittedBy\", '')", took, source, parameters, ct)).ToDictionary(s => s.Key, s => s.Spread);
        var team = (await percentiles.ReadAsync(db, "CAST('team' AS TEXT)", took, source, parameters, ct)).SingleOrDefault()?.Spread;
        return [new Reports(true, null, counts.Sum(c => c.Submitted), counts.Sum(c => c.Fixed), counts.Sum(c => c.Effective), team ?? Spread.None),
            .. counts.Select(c => new Reports(false, c.Csm, c.Submitted, c.Fixed, c.Effective, c.Csm is null ? Spread.None : each.GetValueOrDefault(c.Csm) ?? Spread.None))];
    }

    sealed class Row
    {
        public bool Team { get; init; }
        public string? Csm { get; init; }
        public int Submitted { get; init; }
        public int Fixed { get; init; }
        public int Effective { get; init; }
        public double? Median { get; init; }
        public double? P90 { get; init; }
    }
}
