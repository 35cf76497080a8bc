using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Imports;
using Routing.Engine.Store;

namespace Routing.Engine.Exposure;

/// Imports units sold, whichever way they come (the API's body, the CLI's file), in batches of
/// their own transaction as complaints are (see ComplaintImport). A product, region and month
/// has one value: a row with another value replaces it (counted as replaced, in the import's
/// history event), the same value again is a duplicate.
internal sealed class ExposureImport(RoutingDb db, HistoryJournal journal, TimeProvider clock, ILogger<ExposureImport> log)
{
    public const int BatchSize = 5_000;

    /// The summary, or null when there was not a single line.
    public async Task<ImportSummary?> ImportAsync(IAsyncEnumerable<ImportRow> rows, string actor, ImportSource source,
        CancellationToken ct, IProgress<ImportProgress>? progress = null)
    {
        var importId = Guid.CreateVersion7();
        var tally = new ImportTally("units sold", importId, log, progress);
        var batch = new Dictionary<(string, string, int), MonthlySales>();
        long supersededInBatch = 0;
        log.LogInformation("Importing units sold ({ImportId}) from {Source} {File} for {Actor}", importId, source.Channel, source.File, actor);

        await foreach (var row in rows.WithCancellation(ct))
        {
            tally.Read();
            var (sales, errors) = ExposureLine.Read(row);
            if (sales is null)
            {
                tally.Reject(errors);
                continue;
            }
            var key = (sales.Product, sales.Region, sales.Month);
            if (batch.TryGetValue(key, out var earlier))
            {
                // The same month twice within one batch: the later line's value wins.
                if (earlier.UnitsSold == sales.UnitsSold)
                {
                    tally.Duplicates++;
                    continue;
                }
                supersededInBatch++;
            }
            batch[key] = sales;
            if (batch.Count == BatchSize)
            {
                await WriteAsync(batch, supersededInBatch, importId, tally, ct);
                supersededInBatch = 0;
            }
        }
        if (batch.Count > 0) await WriteAsync(batch, supersededInBatch, importId, tally, ct);

        var summary = tally.Summary(tally.Replaced);
        if (summary.Lines == 0) return null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await journal.AppendAsync([new HistoryEntry(actor, new ExposureImported(importId, source.Channel,
                summary.Accepted, summary.Duplicates, summary.Rejected, tally.Replaced, source.File))], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        log.LogInformation("Imported units sold ({ImportId}): {Accepted} accepted ({Replaced} replacing a value), {Duplicates} duplicates, {Rejected} rejected",
            importId, summary.Accepted, tally.Replaced, summary.Duplicates, summary.Rejected);
        return summary;
    }

    /// Writes the batch; the lines it superseded within itself count as accepted and replaced once it is committed.
    async Task WriteAsync(Dictionary<(string, string, int), MonthlySales> batch, long superseded, Guid importId, ImportTally tally, CancellationToken ct)
    {
        var importedAt = clock.Now();
        var rows = batch.Values.ToList();
        foreach (var s in rows) (s.ImportedAt, s.ImportId) = (importedAt, importId);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var written = db.Database.IsNpgsql()
                ? await PostgresExposureWriter.WriteAsync(db, rows, ct)
                : await SqliteExposureWriter.WriteAsync(db, rows, ct);
            await transaction.CommitAsync(ct);
            tally.Accepted += written.Inserted + written.Replaced + superseded;
            tally.Replaced += written.Replaced + superseded;
            tally.Duplicates += written.Unchanged;
        }
        batch.Clear();
    }
}
