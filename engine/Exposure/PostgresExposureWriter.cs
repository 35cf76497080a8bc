using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Routing.Engine.Store;

namespace Routing.Engine.Exposure;

/// Writes a batch of units sold on PostgreSQL: binary COPY into a staging table dropped at
/// commit, then the stored values that differ are replaced and the new ones inserted.
internal static class PostgresExposureWriter
{
    const string SameKey = """e."Product" = b."Product" AND e."Region" = b."Region" AND e."Month" = b."Month" """;

    public static async Task<ExposureWrite> WriteAsync(RoutingDb db, IReadOnlyList<MonthlySales> batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        // Batches of units sold are few and small: written one at a time, two imports of the same
        // month cannot both find it new (and neither count it).
        await RunAsync(connection, "SELECT pg_advisory_xact_lock(hashtext('exposure'))", ct);
        await RunAsync(connection, "CREATE TEMP TABLE exposure_batch (LIKE exposure) ON COMMIT DROP", ct);
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY exposure_batch ("Product", "Region", "Month", "UnitsSold", "ImportedAt", "ImportId") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var s in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.Product, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.Region, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(s.Month, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(s.UnitsSold, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(s.ImportedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(s.ImportId, NpgsqlDbType.Uuid, ct);
            }
            await copy.CompleteAsync(ct);
        }

        var unchanged = await RunAsync(connection,
            $"""SELECT count(*) FROM exposure_batch b JOIN exposure e ON {SameKey} AND e."UnitsSold" = b."UnitsSold" """, ct, scalar: true);
        var replaced = await RunAsync(connection, $"""
            UPDATE exposure e SET "UnitsSold" = b."UnitsSold", "ImportedAt" = b."ImportedAt", "ImportId" = b."ImportId"
            FROM exposure_batch b WHERE {SameKey} AND e."UnitsSold" <> b."UnitsSold"
            """, ct);
        var inserted = await RunAsync(connection, """INSERT INTO exposure SELECT * FROM exposure_batch ON CONFLICT DO NOTHING""", ct);
        return new(inserted, replaced, unchanged);
    }

    static async Task<long> RunAsync(NpgsqlConnection connection, string sql, CancellationToken ct, bool scalar = false)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return scalar ? (long)(await command.ExecuteScalarAsync(ct))! : await command.ExecuteNonQueryAsync(ct);
    }
}
