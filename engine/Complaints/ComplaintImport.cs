using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Imports;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Engine.Telemetry;

namespace Routing.Engine.Complaints;

/// Imports complaints, whichever way they come (the API's body, the CLI's file): lines are read
/// one at a time and written in batches, each batch in its own transaction, so a file of any
/// size takes constant memory, and a dropped connection leaves whole batches stored. A
/// complaint's id is its key: the same complaint again is a duplicate (so a retried file
/// completes what was cut off), another complaint under a used id is an error on its line.
/// The import is one history event with its counts, also when it is cut off.
internal sealed class ComplaintImport(RoutingDb db, HistoryJournal journal, TimeProvider clock, ILogger<ComplaintImport> log)
{
    public const int BatchSize = 5_000;

    /// A batch's complaints by id, with the line each came from, and what a scan counts of them
    /// (counted as they are read, on the reading thread: the writing one is the import's pace).
    sealed class Batch : Dictionary<string, (long Line, Complaint Complaint)>
    {
        public ComplaintCells Cells { get; } = new();
        /// The cells as stored, made on the reading thread too; again if some were stored already.
        public ComplaintTally? Tally { get; set; }
    }

    /// The summary, or null when there was not a single line.
    public async Task<ImportSummary?> ImportAsync(IAsyncEnumerable<ImportRow> rows, string actor, ImportSource source,
        CancellationToken ct, IProgress<ImportProgress>? progress = null)
    {
        var importId = Guid.CreateVersion7();
        var tally = new ImportTally("complaints", importId, log, progress);
        log.LogInformation("Importing complaints ({ImportId}) from {Source} {File} for {Actor}", importId, source.Channel, source.File, actor);

        var record = new ImportRecord(db, journal, log, "complaints", importId);
        ImportSummary summary;
        try
        {
            summary = await record.RunAsync(() => ReadAndWriteAsync(rows, importId, tally, ct), () => tally.Summary(null),
                (s, cutOff) => new ComplaintsImported(importId, source.Channel, s.Accepted, s.Duplicates, s.Rejected, source.File, cutOff), actor);
        }
        catch
        {
            // Cut off: the batches written before stay stored, and are counted.
            RoutingTelemetry.Imported(tally.Summary(null));
            throw;
        }
        RoutingTelemetry.Imported(summary);
        log.LogInformation("Imported complaints ({ImportId}): {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected",
            importId, summary.Accepted, summary.Duplicates, summary.Rejected);
        return summary.Lines == 0 ? null : summary;
    }

    /// Lines are read and checked on one thread while the batch before is written on another:
    /// the host's part (reading, checking, hashing) takes about as much CPU as the store's
    /// (bench), and two cores overlap them. At most three batches are in memory.
    async Task ReadAndWriteAsync(IAsyncEnumerable<ImportRow> rows, Guid importId, ImportTally tally, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadAsync(rows, batches.Writer, tally, stopReading.Token), CancellationToken.None);
        try
        {
            // A line that could not be read (the connection dropped) ends this loop with its error,
            // after the batches read whole before it are written.
            await foreach (var batch in batches.Reader.ReadAllAsync(ct)) await WriteAsync(batch, importId, tally, ct);
        }
        finally
        {
            // A batch that failed to be written stops the reading; the reading's own failure came through the channel.
            await stopReading.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    async Task ReadAsync(IAsyncEnumerable<ImportRow> rows, ChannelWriter<Batch> batches, ImportTally tally, CancellationToken ct)
    {
        try
        {
            var batch = new Batch();
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
                    if (earlier.Complaint.ContentHash == complaint.ContentHash) tally.Stored(0, 1);
                    else tally.Reject(OtherContent(row.Line, $"line {earlier.Line}"));
                    continue;
                }
                batch[complaint.Id] = (row.Line, complaint);
                batch.Cells.Add(complaint);
                if (batch.Count < BatchSize) continue;
                batch.Tally = batch.Cells.ToTally();
                await batches.WriteAsync(batch, ct);
                batch = new Batch();
            }
            if (batch.Count > 0)
            {
                batch.Tally = batch.Cells.ToTally();
                await batches.WriteAsync(batch, ct);
            }
            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
        }
    }

    async Task WriteAsync(Batch batch, Guid importId, ImportTally tally, CancellationToken ct)
    {
        var importedAt = clock.Now();
        var complaints = batch.Values.Select(b => b.Complaint).ToList();
        foreach (var c in complaints) (c.ImportedAt, c.ImportId) = (importedAt, importId);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var existing = db.Database.IsNpgsql()
            ? await PostgresComplaintWriter.WriteAsync(db, complaints, ct)
            : await SqliteComplaintWriter.WriteAsync(db, complaints, ct);
        // What a scan counts of the complaints stored, with them.
        foreach (var id in existing.Keys) batch.Cells.Remove(batch[id].Complaint);
        var counted = existing.Count == 0 ? batch.Tally! : batch.Cells.ToTally();
        if (counted.Complaints > 0) await ComplaintTallies.AddAsync(db, counted, ct);
        await transaction.CommitAsync(ct);
        // Counted once committed: a batch that fails counts nothing.
        long accepted = 0, duplicates = 0;
        foreach (var (line, complaint) in batch.Values)
        {
            if (!existing.TryGetValue(complaint.Id, out var hash)) accepted++;
            else if (hash == complaint.ContentHash) duplicates++;
            else tally.Reject(OtherContent(line, "an earlier import"));
        }
        tally.Stored(accepted, duplicates);
    }

    static ImportError OtherContent(long line, string where) =>
        new(line, "id", $"another complaint with this id, and other content, came in {where}.");
}
