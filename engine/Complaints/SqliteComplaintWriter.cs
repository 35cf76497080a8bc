using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Routing.Engine.Store;

namespace Routing.Engine.Complaints;

/// Writes a batch of complaints on SQLite: one prepared insert per complaint, in the caller's
/// transaction; an id already stored is left alone and its content hash returned.
internal static class SqliteComplaintWriter
{
    public static async Task<Dictionary<string, string>> WriteAsync(RoutingDb db, IReadOnlyList<Complaint> batch, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        await using var insert = SqliteValues.Command(transaction, """
            INSERT INTO complaints ("Id", "ReceivedAt", "Product", "Category", "Region", "AgeGroup", "Accessibility", "Channel",
                                    "Vendor", "Depot", "Summary", "ContentHash", "ImportedAt", "ImportId")
            VALUES ($id, $receivedAt, $product, $category, $region, $ageGroup, $accessibility, $channel,
                    $vendor, $depot, $summary, $hash, $importedAt, $importId)
            ON CONFLICT ("Id") DO NOTHING
            """, "$id", "$receivedAt", "$product", "$category", "$region", "$ageGroup", "$accessibility", "$channel",
            "$vendor", "$depot", "$summary", "$hash", "$importedAt", "$importId");
        await using var stored = SqliteValues.Command(transaction, """SELECT "ContentHash" FROM complaints WHERE "Id" = $id""", "$id");

        var existing = new Dictionary<string, string>();
        foreach (var c in batch)
        {
            object?[] values = [c.Id, SqliteValues.Of(c.ReceivedAt), c.Product, c.Category, c.Region, c.AgeGroup, c.Accessibility,
                c.Channel, c.Vendor, c.Depot, c.Summary, c.ContentHash, SqliteValues.Of(c.ImportedAt), SqliteValues.Of(c.ImportId)];
            for (var i = 0; i < values.Length; i++) insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (await insert.ExecuteNonQueryAsync(ct) > 0) continue;
            stored.Parameters[0].Value = c.Id;
            existing[c.Id] = (string)(await stored.ExecuteScalarAsync(ct))!;
        }
        return existing;
    }
}
