using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Imports;
using Routing.Engine.Store;

namespace Routing.Engine.Complaints;

/// Imports complaints, whichever way they come (the API's body, the CLI's file): lines are read
/// one at a time and written in batches, each batch in its own transaction, so a file of any
/// size takes constant memory, and a dropped connection leaves whole batches stored. A
/// complaint's id is its key: the same complaint again is a duplicate (so a retried file
/// completes what was cut off), another complaint under a used id is an error on its line.
/// The import is one history event with its counts.
internal sealed class ComplaintImport(RoutingDb db, HistoryJournal journal, TimeProvider clock, ILogger<ComplaintImport> log)
{
    public const int BatchSize = 5_000;

    /// The summary, or null when there was not a single line.
    public async Task<ImportSummary?> ImportAsync(IAsyncEnumerable<ImportRow> rows, string actor, ImportSource source,
        CancellationToken ct, IProgress<ImportProgress>? progress = null)
    {
        var importId = Guid.CreateVersion7();
        var tally = new ImportTally("complaints", importId, log, progress);
        var batch = new Dictionary<string, (long Line, Complaint Complaint)>();
        log.LogInformation("Importing complaints ({ImportId}) from {Source} {File} for {Actor}", importId, source.Channel, source.File, actor);

        await foreach (var row in rows.WithCancellation(ct))
        {
            tally.Read();
            var (complaint, errors) = ComplaintLine.Read(row, clock.GetUtcNow());
            if (complaint is null)
            {
                tally.Reject(errors);
                continue;
            }
            if (batch.TryGetValue(complaint.Id, out var earlier))
            {
                // The same id twice within one batch: the store cannot tell them apart, this can.
                if (earlier.Complaint.ContentHash == complaint.ContentHash) tally.Duplicates++;
                else tally.Reject(OtherContent(row.Line, $"line {earlier.Line}"));
                continue;
            }
            batch[complaint.Id] = (row.Line, complaint);
            if (batch.Count == BatchSize) await WriteAsync(batch, importId, tally, ct);
        }
        if (batch.Count > 0) await WriteAsync(batch, importId, tally, ct);

        var summary = tally.Summary(null);
        if (summary.Lines == 0) return null;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await journal.AppendAsync([new HistoryEntry(actor, new ComplaintsImported(importId, source.Channel,
                summary.Accepted, summary.Duplicates, summary.Rejected, source.File))], ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        log.LogInformation("Imported complaints ({ImportId}): {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected",
            importId, summary.Accepted, summary.Duplicates, summary.Rejected);
        return summary;
    }

    async Task WriteAsync(Dictionary<string, (long Line, Complaint Complaint)> batch, Guid importId, ImportTally tally, CancellationToken ct)
    {
        var importedAt = clock.Now();
        var complaints = batch.Values.Select(b => b.Complaint).ToList();
        foreach (var c in complaints) (c.ImportedAt, c.ImportId) = (importedAt, importId);

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var existing = db.Database.IsNpgsql()
                ? await PostgresComplaintWriter.WriteAsync(db, complaints, ct)
                : await SqliteComplaintWriter.WriteAsync(db, complaints, ct);
            await transaction.CommitAsync(ct);
            // Counted once committed: a batch that fails counts nothing.
            foreach (var (line, complaint) in batch.Values.OrderBy(b => b.Line))
            {
                if (!existing.TryGetValue(complaint.Id, out var hash)) tally.Accepted++;
                else if (hash == complaint.ContentHash) tally.Duplicates++;
                else tally.Reject(OtherContent(line, "an earlier import"));
            }
        }
        batch.Clear();
    }

    static ImportError OtherContent(long line, string where) =>
        new(line, "id", $"another complaint with this id, and other content, came in {where}.");
}
