using Microsoft.EntityFrameworkCore;

namespace Routing.Engine.Store;

/// A table of counts kept by the database's triggers as rows of changes (+n, −n), added up now and
/// then: writers only insert, so they never wait for each other on a counter row, and the readers
/// sum a row or a few per key. Used by the work-item tallies and the complaint tallies.
internal static class TallyRows
{
    /// Adds up the rows of each key that has more than one, leaving one row per key (none when
    /// they sum to 0); a key with a single row is not rewritten. A change committed meanwhile
    /// stays a row of its own until the next fold.
    public static async Task FoldAsync(RoutingDb db, string table, string[] keys, string count, CancellationToken ct)
    {
        var key = string.Join(", ", keys.Select(k => $"\"{k}\""));
        string Summed(string rows) => $"""SELECT {key}, sum("{count}") FROM {rows} GROUP BY {key} HAVING sum("{count}") <> 0""";
        if (db.Database.IsNpgsql())
        {
            // One statement, so one snapshot: what it deletes is exactly what it adds up.
            // Names only, from the callers' constants: nothing a client sends.
            string fold = $"""
                WITH folded AS (
                  DELETE FROM {table} WHERE ({key}) IN (SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1)
                  RETURNING {key}, "{count}")
                INSERT INTO {table} ({key}, "{count}") {Summed("folded")}
                """;
            await db.Database.ExecuteSqlRawAsync(fold, ct);
            return;
        }

        // SQLite has one writer at a time: the transaction sees no change but its own.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string lastRow = $"""SELECT coalesce(max("Id"), 0) AS "Value" FROM {table}""";
        var last = await db.Database.SqlQueryRaw<long>(lastRow).SingleAsync(ct);
        var folding = $"""(SELECT * FROM {table} WHERE "Id" <= {last} AND ({key}) IN (SELECT {key} FROM {table} WHERE "Id" <= {last} GROUP BY {key} HAVING count(*) > 1))""";
        string insert = $"""INSERT INTO {table} ({key}, "{count}") {Summed(folding)}""";
        string delete = $"""DELETE FROM {table} WHERE "Id" IN (SELECT "Id" FROM {folding})""";
        await db.Database.ExecuteSqlRawAsync(insert, ct);
        await db.Database.ExecuteSqlRawAsync(delete, ct);
        await tx.CommitAsync(ct);
    }
}
