namespace Routing.Engine.History;

/// One append-only entry of the audit history. It is written with the change it records;
/// the sealer then links it into the hash chain (ChainIndex, PreviousHash, Hash), in the
/// background, so that writers never wait for one another.
internal sealed class HistoryEvent
{
    /// Given by the database on insert; the order events were written in.
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    /// The API key the actor acted with (null for the service's own actors and the anonymous).
    public Guid? ActorKeyId { get; set; }
    public required string Kind { get; set; }
    public Guid? ReportId { get; set; }
    public Guid? WorkItemId { get; set; }
    public string? Department { get; set; }
    /// JSON, stored as text (not jsonb) so the hashed bytes come back unchanged.
    public required string Data { get; set; }
    /// Position in the hash chain; null until sealed.
    public long? ChainIndex { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }
}
