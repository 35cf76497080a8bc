using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Routing.Engine.Store;

namespace Routing.Engine.Complaints;

/// Writes a batch of complaints on PostgreSQL: binary COPY into a staging table dropped at
/// commit, then one insert of what is new; the ids that were stored already come back with
/// their content hash.
internal static class PostgresComplaintWriter
{
    public static async Task<Dictionary<string, string>> WriteAsync(RoutingDb db, IReadOnlyList<Complaint> batch, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await Run(connection, """CREATE TEMP TABLE complaint_batch (LIKE complaints) ON COMMIT DROP""", ct);

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY complaint_batch ("Id", "ReceivedAt", "Product", "Category", "Region", "AgeGroup", "Accessibility", "Channel",
                                  "Vendor", "Depot", "Summary", "ContentHash", "ImportedAt", "ImportId") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var c in batch)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.ReceivedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(c.Product, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.Category, NpgsqlDbType.Text, ct);
                foreach (var text in (string?[])[c.Region, c.AgeGroup, c.Accessibility, c.Channel, c.Vendor, c.Depot, c.Summary])
                    if (text is null) await copy.WriteNullAsync(ct);
                    else await copy.WriteAsync(text, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.ContentHash, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(c.ImportedAt, NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(c.ImportId, NpgsqlDbType.Uuid, ct);
            }
            await copy.CompleteAsync(ct);
        }

        var inserted = new HashSet<string>();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO complaints SELECT * FROM complaint_batch ON CONFLICT ("Id") DO NOTHING RETURNING "Id"
            """, connection))
        await using (var reader = await insert.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) inserted.Add(reader.GetString(0));
        if (inserted.Count == batch.Count) return [];

        // The rest were stored already (by an earlier import, or one running beside this one,
        // whose insert this one waited for): their content tells a duplicate from a conflict.
        // A fresh table has no statistics: without them the planner may scan every stored complaint.
        await Run(connection, "ANALYZE complaint_batch", ct);
        var existing = new Dictionary<string, string>();
        await using (var stored = new NpgsqlCommand("""
            SELECT b."Id", c."ContentHash" FROM complaint_batch b JOIN complaints c ON c."Id" = b."Id"
            """, connection))
        await using (var reader = await stored.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                if (!inserted.Contains(reader.GetString(0))) existing[reader.GetString(0)] = reader.GetString(1);
        return existing;
    }

    static async Task Run(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
