namespace Routing.Engine.Intake;

/// The first answer given for an Idempotency-Key, replayed to retries of the same body.
internal sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public Guid ReportId { get; set; }
    public required string ResponseJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
