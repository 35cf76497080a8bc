using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Metrics;

/// SQLite has no percentile function: the database numbers the rows of each key in order and keeps only
/// the (at most four) rows the median and p90 lie between (integer maths: ⌊(n−1)p⌋ and ⌈(n−1)p⌉); C#
/// interpolates between them as percentile_cont does.
internal sealed class SqlitePercentiles : IPercentiles
{
    public async Task<List<KeyedSpread>> ReadAsync(RoutingDb db, string key, string took, string source, object[] parameters, CancellationToken ct)
    {
        var sql = $"""
            WITH ranked AS (
                SELECT {key} AS k, {took} AS took,
                       ROW_NUMBER() OVER (PARTITION BY {key} ORDER BY {took}) - 1 AS i,
                       COUNT(*) OVER (PARTITION BY {key}) AS n
                FROM {source})
            SELECT k AS "Key", i AS "Index", n AS "Count", took AS "Took" FROM ranked
            WHERE i IN ((n - 1) * 5 / 10, ((n - 1) * 5 + 9) / 10, (n - 1) * 9 / 10, ((n - 1) * 9 + 9) / 10)
            """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters).ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Key).Select(g =>
        {
            var took = g.ToDictionary(r => r.Index, r => (double)r.Took);
            var n = g.First().Count;
            return new KeyedSpread(g.Key, new Spread(n,
                Percentile.Seconds(Percentile.Interpolate(took, n, 5)), Percentile.Seconds(Percentile.Interpolate(took, n, 9))));
        })];
    }

    sealed class Row
    {
        public required string Key { get; init; }
        public long Index { get; init; }
        public int Count { get; init; }
        public long Took { get; init; }
    }
}
