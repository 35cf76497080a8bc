namespace Routing.Engine.History;

/// One append-only entry of the audit history. `Hash` chains it to the event before it.
internal sealed class HistoryEvent
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public Guid? ReportId { get; set; }
    public Guid? WorkItemId { get; set; }
    public string? Department { get; set; }
    /// JSON, stored as text (not jsonb) so the hashed bytes come back unchanged.
    public required string Data { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
