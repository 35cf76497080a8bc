namespace Routing.Engine.Intake;

/// A client's Idempotency-Key with the hash of the body it came with.
public sealed record IdempotencyKey(string Value, string RequestHash);
