using Microsoft.EntityFrameworkCore;
using Npgsql;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// The scan's counts on PostgreSQL, in one pass over the complaints instead of one per count:
/// GROUPING SETS make the month grid and the attributes' counts from the same read of each
/// row, and the table is read in slices of its pages (TID ranges), one connection each, in
/// parallel, all in one exported snapshot, so the slices add up to the table as it was at one
/// moment however imports go on. PostgreSQL does not run grouping sets in parallel itself, and
/// its estimate of the month grid's groups (about one a row) keeps it from parallel
/// aggregation and makes it spill to disk: that made the counting most of a scan.
internal static class PostgresCounts
{
    // PostgreSQL guesses about one group a row for the month grid (it has no statistics on the
    // month of a time) and would sort 10 million rows rather than hash them unless its guess
    // fits in memory; the real grid is tens of thousands of groups (50 MB at 10 million
    // complaints). Past this, PostgreSQL spills to disk rather than use more. This transaction only.
    const string WorkMem = "1GB";

    public static async Task<ComplaintCounts> ReadAsync(RoutingDb db, CancellationToken ct)
    {
        var template = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var first = await OpenLikeAsync(template, ct);
        await using var snapshot = await first.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var (id, pages, slices) = await ScalarsAsync(first, ct);

        var bounds = Enumerable.Range(0, slices + 1).Select(i => pages * i / slices).ToArray();
        var counting = Enumerable.Range(0, slices).Select(i => i == 0
            ? CountSliceAsync(first, bounds[0], i == slices - 1 ? null : bounds[1], ct)
            : CountSliceInSnapshotAsync(template, id, bounds[i], i == slices - 1 ? null : bounds[i + 1], ct)).ToList();
        var parts = await Task.WhenAll(counting);
        var units = await UnitsAsync(first, ct);
        await snapshot.CommitAsync(ct);
        return Merge(parts, units);
    }

    static async Task<NpgsqlConnection> OpenLikeAsync(NpgsqlConnection template, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)((ICloneable)template).Clone();
        await connection.OpenAsync(ct);
        return connection;
    }

    /// The snapshot to share, the table's pages, and how many slices: as many processes as
    /// PostgreSQL would give one parallel query (max_parallel_workers_per_gather + 1).
    static async Task<(string Snapshot, long Pages, int Slices)> ScalarsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT pg_export_snapshot(), pg_relation_size('complaints') / current_setting('block_size')::bigint,
                   current_setting('max_parallel_workers_per_gather')::int + 1
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetString(0), reader.GetInt64(1), Math.Max(1, reader.GetInt32(2)));
    }

    static async Task<List<Row>> CountSliceInSnapshotAsync(NpgsqlConnection template, string snapshot, long from, long? to, CancellationToken ct)
    {
        await using var connection = await OpenLikeAsync(template, ct);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await using (var set = new NpgsqlCommand($"SET TRANSACTION SNAPSHOT '{snapshot.Replace("'", "''")}'", connection))
            await set.ExecuteNonQueryAsync(ct);
        var rows = await CountSliceAsync(connection, from, to, ct);
        await transaction.CommitAsync(ct);
        return rows;
    }

    /// One slice of pages [from, to): the month grid, the customer attributes together (a
    /// handful of age groups × needs × channels per product and category: fewer hash lookups a
    /// row than one set each, the row's most costly part), vendors, depots. GROUPING() says
    /// which set a row is of: its bit is 0 for a column the set groups by.
    static async Task<List<Row>> CountSliceAsync(NpgsqlConnection connection, long from, long? to, CancellationToken ct)
    {
        await using (var memory = new NpgsqlCommand($"SELECT set_config('work_mem', '{WorkMem}', true)", connection))
            await memory.ExecuteNonQueryAsync(ct);
        var range = $"ctid >= '({from},0)'::tid" + (to is { } end ? $" AND ctid < '({end},0)'::tid" : "");
        await using var command = new NpgsqlCommand($"""
            SELECT "Product", "Category", COALESCE("Region", ''), CAST(date_part('month', "ReceivedAt" AT TIME ZONE 'UTC') AS integer),
                   "AgeGroup", "Accessibility", "Channel", "Vendor", "Depot",
                   GROUPING(COALESCE("Region", ''), "AgeGroup", "Vendor", "Depot"), COUNT(*)
            FROM complaints WHERE {range}
            GROUP BY GROUPING SETS ((1, 2, 3, 4), (1, 2, 5, 6, 7), (1, 2, 8), (1, 2, 9))
            """, connection);
        var rows = new List<Row>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            var (product, category, complaints) = (reader.GetString(0), reader.GetString(1), reader.GetInt64(10));
            var set = reader.GetInt32(9);
            if (set == 0b0111) rows.Add(new(product, category, -1, reader.GetString(2), reader.GetInt32(3), complaints));
            else if (set == 0b1011)
                for (var attribute = 0; attribute < 3; attribute++) rows.Add(new(product, category, attribute, Text(4 + attribute), 0, complaints));
            else rows.Add(new(product, category, set == 0b1101 ? 3 : 4, Text(set == 0b1101 ? 7 : 8), 0, complaints));
        }
        return rows;
    }

    static async Task<List<MonthlyUnits>> UnitsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT "Product", "Region", "Month" % 100, SUM("UnitsSold")::bigint FROM exposure GROUP BY "Product", "Region", "Month" % 100
            """, connection);
        var units = new List<MonthlyUnits>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            units.Add(new MonthlyUnits { Product = reader.GetString(0), Region = reader.GetString(1), MonthOfYear = reader.GetInt32(2), UnitsSold = reader.GetInt64(3) });
        return units;
    }

    /// Adds the slices' counts up; attribute rows without a value (the complaint did not say) are dropped.
    static ComplaintCounts Merge(List<Row>[] parts, List<MonthlyUnits> units)
    {
        var monthly = new Dictionary<(string, string, string, int), long>();
        var attributes = PatternScan.Attributes.Select(_ => new Dictionary<(string, string, string), long>()).ToArray();
        foreach (var row in parts.SelectMany(p => p))
        {
            if (row.Attribute < 0)
                monthly[(row.Product, row.Category, row.Value!, row.Month)] = monthly.GetValueOrDefault((row.Product, row.Category, row.Value!, row.Month)) + row.Complaints;
            else if (!string.IsNullOrEmpty(row.Value))
                attributes[row.Attribute][(row.Product, row.Category, row.Value)] = attributes[row.Attribute].GetValueOrDefault((row.Product, row.Category, row.Value)) + row.Complaints;
        }
        return new()
        {
            Monthly = [.. monthly.Select(m => new MonthlyCount { Product = m.Key.Item1, Category = m.Key.Item2, Region = m.Key.Item3, MonthOfYear = m.Key.Item4, Complaints = m.Value })],
            Units = units,
            Attributes = PatternScan.Attributes.Select((name, i) => (name, list: attributes[i].Select(a =>
                new AttributeCount { Product = a.Key.Item1, Category = a.Key.Item2, Value = a.Key.Item3, Complaints = a.Value }).ToList()))
                .ToDictionary(x => x.name, x => x.list),
        };
    }

    /// One group of one slice: the month grid's (Attribute −1, Value the region) or an attribute's.
    sealed record Row(string Product, string Category, int Attribute, string? Value, int Month, long Complaints);
}
