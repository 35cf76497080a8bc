namespace Routing.Engine.Intake;

/// A client's Idempotency-Key with the fingerprint of the request it came with. Made only by
/// `Idempotency`, which states what a key may be.
public sealed record IdempotencyKey
{
    internal IdempotencyKey(string value, string requestHash) => (Value, RequestHash) = (value, requestHash);

    public string Value { get; }
    internal string RequestHash { get; }
}
