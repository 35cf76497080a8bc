using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Engine.History;

/// Appends events to the hash chain inside the caller's transaction, so an event is
/// stored exactly when the change it records is.
internal sealed class HistoryJournal(RoutingDb db, TimeProvider clock)
{
    static readonly JsonSerializerOptions DataJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task AppendAsync(IReadOnlyList<HistoryEntry> entries, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("History is appended inside the transaction of the change it records.");

        // Appends are serialized so the chain never forks; SQLite's write lock already does it.
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727001)", ct);

        var last = await db.History.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(ct);
        var sequence = last?.Sequence ?? 0;
        var previousHash = last?.Hash ?? HistoryHash.Genesis;
        var at = clock.Now();

        foreach (var entry in entries)
        {
            var e = new HistoryEvent
            {
                Sequence = ++sequence,
                At = at,
                Actor = entry.Actor,
                Kind = entry.Kind,
                ReportId = entry.ReportId,
                WorkItemId = entry.WorkItemId,
                Department = entry.Department,
                Data = JsonSerializer.Serialize(entry.Data, DataJson),
                PreviousHash = previousHash,
                Hash = "",
            };
            e.Hash = HistoryHash.Compute(e);
            previousHash = e.Hash;
            db.History.Add(e);
        }
    }
}
