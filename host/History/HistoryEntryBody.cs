using System.Text.Json;
using Routing.Engine.History;

namespace Routing.Host.History;

/// An event as the API shows it, with a sentence saying what happened. `Kind` is in today's
/// vocabulary; `StoredAs` names the former kind an older event was written (and hashed) under.
internal sealed record HistoryEntryBody(
    long Sequence, DateTimeOffset At, string Actor, string Kind, string Summary,
    Guid? ReportId, Guid? WorkItemId, string? Department, JsonElement Data, bool Sealed, string? StoredAs, Guid? ActorKeyId)
{
    public static HistoryEntryBody Of(HistoryEvent e)
    {
        var data = JsonDocument.Parse(e.Data).RootElement;
        var kind = HistoryKinds.Current(e.Kind);
        return new(e.Sequence, e.At, e.Actor, kind, HistoryNarrative.Describe(e.Kind, e.Data),
            e.ReportId, e.WorkItemId, e.Department, data, e.Hash is not null, kind == e.Kind ? null : e.Kind, e.ActorKeyId);
    }
}
