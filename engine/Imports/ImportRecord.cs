using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;

namespace Routing.Engine.Imports;

/// An import's history event, whether it finished or was cut off: one event with its counts
/// (none for an import without a single line). A cut-off import's token is cancelled (the
/// caller hung up) or its store failed: the event is written all the same, without the token,
/// saying why it stopped, and a failure to write it is logged rather than hiding that reason.
internal sealed class ImportRecord(RoutingDb db, HistoryJournal journal, ILogger log, string what, Guid importId)
{
    /// Runs the import, then writes its event from the counts `summary` gives and the reason it
    /// was cut off (null when it finished); a failure goes on to the caller after its event.
    public async Task<ImportSummary> RunAsync(Func<Task> import, Func<ImportSummary> summary, Func<ImportSummary, string?, HistoryData> data, string actor)
    {
        try
        {
            await import();
        }
        catch (Exception e)
        {
            var why = ImportCutOff.Why(e);
            var stored = summary();
            log.LogWarning("Import of {What} ({ImportId}) cut off ({CutOff}) after {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected",
                what, importId, why, stored.Accepted, stored.Duplicates, stored.Rejected);
            if (stored.Lines > 0) await WriteAsync(new HistoryEntry(actor, data(stored, why)), cutOff: true);
            throw;
        }
        var done = summary();
        if (done.Lines > 0) await WriteAsync(new HistoryEntry(actor, data(done, null)), cutOff: false);
        return done;
    }

    async Task WriteAsync(HistoryEntry entry, bool cutOff)
    {
        try
        {
            // A write cancelled half-way can leave the connection broken: it opens again for the event.
            if (db.Database.GetDbConnection().State == ConnectionState.Broken) await db.Database.CloseConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
            await journal.AppendAsync([entry], CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception e) when (cutOff)
        {
            log.LogError(e, "The history event of a cut-off import could not be written: {Summary}", entry.Data.Summary());
        }
    }
}
