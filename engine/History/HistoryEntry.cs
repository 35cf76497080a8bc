using Routing.Engine.History.Events;

namespace Routing.Engine.History;

/// An event to append; the journal gives it its sequence, time and hash. Its kind follows from
/// its payload, so the two never disagree.
internal sealed record HistoryEntry(
    string Actor,
    HistoryData Data,
    Guid? ReportId = null,
    Guid? WorkItemId = null,
    string? Department = null)
{
    public string Kind => HistoryData.KindOf(Data);
}
