using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Imports;
using Routing.Engine.Store;

namespace Routing.Engine.Exposure;

/// Imports units sold, whichever way they come (the API's body, the CLI's file), in batches of
/// their own transaction as complaints are (see ComplaintImport), with one history event, also
/// when cut off. A product, region and month has one value: a row with another value replaces
/// it (counted as replaced, in the import's history event), the same value again is a duplicate.
internal sealed class ExposureImport(RoutingDb db, HistoryJournal journal, TimeProvider clock, ILogger<ExposureImport> log)
{
    public const int BatchSize = 5_000;

    /// The summary, or null when there was not a single line.
    public async Task<ImportSummary?> ImportAsync(IAsyncEnumerable<ImportRow> rows, string actor, ImportSource source,
        CancellationToken ct, IProgress<ImportProgress>? progress = null)
    {
        var importId = Guid.CreateVersion7();
        var tally = new ImportTally("units sold", importId, log, progress);
        log.LogInformation("Importing units sold ({ImportId}) from {Source} {File} for {Actor}", importId, source.Channel, source.File, actor);

        var record = new ImportRecord(db, journal, log, "units sold", importId);
        var summary = await record.RunAsync(() => ReadAndWriteAsync(rows, importId, tally, ct), () => tally.Summary(tally.Replaced),
            (s, cutOff) => new ExposureImported(importId, source.Channel, s.Accepted, s.Duplicates, s.Rejected, s.Replaced ?? 0, source.File, cutOff), actor);
        log.LogInformation("Imported units sold ({ImportId}): {Accepted} accepted ({Replaced} replacing a value), {Duplicates} duplicates, {Rejected} rejected",
            importId, summary.Accepted, summary.Replaced, summary.Duplicates, summary.Rejected);
        return summary.Lines == 0 ? null : summary;
    }

    async Task ReadAndWriteAsync(IAsyncEnumerable<ImportRow> rows, Guid importId, ImportTally tally, CancellationToken ct)
    {
        var batch = new Dictionary<(string, string, int), MonthlySales>();
        long supersededInBatch = 0;
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
                    tally.Stored(0, 1);
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
            tally.Stored(written.Inserted + written.Replaced + superseded, written.Unchanged, written.Replaced + superseded);
        }
        batch.Clear();
    }
}
