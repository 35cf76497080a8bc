using Microsoft.EntityFrameworkCore.Storage;
using Routing.Engine.Store;

namespace Routing.Engine.Exposure;

/// Writes a batch of units sold on SQLite, row by row with prepared commands, in the caller's
/// transaction: a new product-region-month is inserted, another value replaces the stored one.
internal static class SqliteExposureWriter
{
    const string Key = """ "Product" = $product AND "Region" = $region AND "Month" = $month """;

    public static async Task<ExposureWrite> WriteAsync(RoutingDb db, IReadOnlyList<MonthlySales> batch, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        string[] names = ["$product", "$region", "$month", "$units", "$importedAt", "$importId"];
        await using var stored = SqliteValues.Command(transaction, $"""SELECT "UnitsSold" FROM exposure WHERE {Key}""", names[..3]);
        await using var insert = SqliteValues.Command(transaction, """
            INSERT INTO exposure ("Product", "Region", "Month", "UnitsSold", "ImportedAt", "ImportId")
            VALUES ($product, $region, $month, $units, $importedAt, $importId)
            """, names);
        await using var replace = SqliteValues.Command(transaction,
            $"""UPDATE exposure SET "UnitsSold" = $units, "ImportedAt" = $importedAt, "ImportId" = $importId WHERE {Key}""", names);

        long inserted = 0, replaced = 0, unchanged = 0;
        foreach (var s in batch)
        {
            object[] values = [s.Product, s.Region, s.Month, s.UnitsSold, SqliteValues.Of(s.ImportedAt), SqliteValues.Of(s.ImportId)];
            for (var i = 0; i < 3; i++) stored.Parameters[i].Value = values[i];
            var was = await stored.ExecuteScalarAsync(ct);
            if (was is long units && units == s.UnitsSold)
            {
                unchanged++;
                continue;
            }
            var command = was is null ? insert : replace;
            for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
            await command.ExecuteNonQueryAsync(ct);
            if (was is null) inserted++;
            else replaced++;
        }
        return new(inserted, replaced, unchanged);
    }
}
