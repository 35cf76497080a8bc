using Routing.Engine.Access;
using Routing.Engine.Store;

namespace Routing.Engine.History;

/// Appends events inside the caller's transaction, so an event is stored exactly when the
/// change it records is. Appending takes no lock: the sealer chains events afterwards.
internal sealed class HistoryJournal(RoutingDb db, TimeProvider clock, ActingKey acting)
{
    public Task AppendAsync(IReadOnlyList<HistoryEntry> entries, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("History is appended inside the transaction of the change it records.");

        var at = clock.Now();
        db.History.AddRange(entries.Select(entry => new HistoryEvent
        {
            At = at,
            Actor = entry.Actor,
            ActorKeyId = acting.IdOf(entry.Actor),
            Kind = entry.Kind,
            ReportId = entry.ReportId,
            WorkItemId = entry.WorkItemId,
            Department = entry.Department,
            Data = entry.Data.ToJson(),
        }));
        return Task.CompletedTask;
    }
}
