using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// The scan's counts, kept as complaints are stored, so that a scan reads them rather than every
/// complaint (counting 10M complaints took 19 s). Each batch an import stores adds a row with
/// its complaints' cells in the batch's transaction; Fold adds the rows up into one. Counted in
/// the host, one row a batch: a database trigger that added a row per cell cost the import 45 %
/// (5,000 complaints touch about 8,500 of the 32,000 cells of the bench's data), and one that
/// updated a row per cell 220 %. Complaints written by other means than an import are not
/// counted until `Fill` counts them all again.
internal static class ComplaintTallies
{
    // One fold at a time on PostgreSQL: two would both add up the same rows.
    const string FoldLock = "SELECT pg_advisory_xact_lock(hashtext('complaint_tallies'))";

    /// Adds the rows up into one and answers with the counts: one transaction, so the rows it
    /// adds up are exactly those it deletes, whatever imports commit meanwhile.
    public static async Task<ComplaintCells> FoldAsync(RoutingDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlRawAsync(FoldLock, ct);
        var rows = await db.ComplaintTallies.AsNoTracking().ToListAsync(ct);
        var cells = new ComplaintCells();
        foreach (var row in rows) cells.Add(row);
        if (rows.Count > 1)
        {
            var ids = rows.Select(r => r.Id).ToList();
            await db.ComplaintTallies.Where(t => ids.Contains(t.Id)).ExecuteDeleteAsync(ct);
            await AddAsync(db, cells.ToTally(), ct);
        }
        await transaction.CommitAsync(ct);
        return cells;
    }

    /// A row of counts, in the caller's transaction.
    public static async Task AddAsync(RoutingDb db, ComplaintTally tally, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""INSERT INTO complaint_tallies ("Complaints", "Cells") VALUES ({tally.Complaints}, {tally.Cells})""", ct);

    /// Every complaint stored counted again, as one row in place of all: for a store from before
    /// the tallies, or complaints written with SQL.
    public static string Fill(bool postgres)
    {
        var month = postgres ? ReceivedMonth.PostgresOfYear : ReceivedMonth.SqliteOfYear;
        var (array, aggregate) = postgres ? ("json_build_array", "json_agg") : ("json_array", "json_group_array");
        var attributes = PatternScan.Attributes.Select(a => (Name: a, Column: char.ToUpperInvariant(a[0]) + a[1..]));
        return $"""
            DELETE FROM complaint_tallies;
            INSERT INTO complaint_tallies ("Complaints", "Cells")
            SELECT (SELECT count(*) FROM complaints), {aggregate}({array}("Product", "Category", "Attribute", "Value", "MonthOfYear", n)) FROM (
              SELECT "Product", "Category", '{ComplaintCell.Region}' AS "Attribute", COALESCE("Region", '') AS "Value", {month} AS "MonthOfYear", count(*) AS n
              FROM complaints GROUP BY "Product", "Category", COALESCE("Region", ''), {month}
            {string.Concat(attributes.Select(a => $"""
              UNION ALL SELECT "Product", "Category", '{a.Name}', "{a.Column}", 0, count(*) FROM complaints WHERE "{a.Column}" <> '' GROUP BY "Product", "Category", "{a.Column}"

            """))}) cells HAVING count(*) > 0;
            """;
    }
}
