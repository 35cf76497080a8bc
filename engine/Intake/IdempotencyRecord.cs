namespace Routing.Engine.Intake;

/// The receipt intake gave for an Idempotency-Key, replayed to retries of the same request
/// (kept and read by `Idempotency` only). ResponseJson is the receipt in the API's camelCase JSON.
internal sealed class IdempotencyRecord
{
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public Guid ReportId { get; set; }
    public required string ResponseJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
