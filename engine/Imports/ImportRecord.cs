using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.Store;

namespace Routing.Engine.Imports;

/// Writes an import's history event, whether it finished or was cut off. A cut-off import's
/// token is cancelled (the caller hung up) or its store failed: the event is written all the
/// same, without the token, and a failure to write it is logged rather than hiding why the
/// import stopped.
internal static class ImportRecord
{
    public static async Task WriteAsync(RoutingDb db, HistoryJournal journal, HistoryEntry entry, ILogger log, bool cutOff)
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
