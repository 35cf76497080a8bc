using System.Text.Json;
using Routing.Engine.History;

namespace Routing.Host.History;

/// An event as the API shows it, with a sentence saying what happened.
internal sealed record HistoryEntryView(
    long Sequence, DateTimeOffset At, string Actor, string Kind, string Summary,
    Guid? ReportId, Guid? WorkItemId, string? Department, JsonElement Data, bool Sealed, Guid? ActorKeyId)
{
    public static HistoryEntryView Of(HistoryEvent e)
    {
        var data = JsonDocument.Parse(e.Data).RootElement;
        return new(e.Sequence, e.At, e.Actor, e.Kind, HistoryNarrative.Describe(e.Kind, data),
            e.ReportId, e.WorkItemId, e.Department, data, e.Hash is not null, e.ActorKeyId);
    }
}
