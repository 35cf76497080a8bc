namespace Routing.Engine.History;

/// An event to append; the journal gives it its sequence, time and hash.
internal sealed record HistoryEntry(
    string Kind,
    string Actor,
    object Data,
    Guid? ReportId = null,
    Guid? WorkItemId = null,
    string? Department = null);
