using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// PostgreSQL has percentile_cont: one grouped query.
internal sealed class PostgresPercentiles : IPercentiles
{
    public async Task<List<KeyedSpread>> ReadAsync(RoutingDb db, string key, string took, string source, object[] parameters, CancellationToken ct)
    {
        var sql = $"""
            SELECT {key} AS "Key", COUNT(*)::int AS "Count",
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY {took}) AS "Median",
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY {took}) AS "P90"
            FROM {source} GROUP BY 1
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters).ToListAsync(ct);
        return [.. rows.Select(r => new KeyedSpread(r.Key, new Spread(r.Count, Percentile.Seconds(r.Median), Percentile.Seconds(r.P90))))];
    }

    sealed class Row
    {
        public required string Key { get; init; }
        public int Count { get; init; }
        public double? Median { get; init; }
        public double? P90 { get; init; }
    }
}
