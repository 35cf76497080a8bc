namespace Routing.Engine.Access;

/// A browser signed in to the console. Its cookie holds a random token; only the token's
/// SHA-256 is stored (as the id), so reading the table signs nobody in.
internal sealed class ConsoleSession
{
    public required string Id { get; set; }
    public Guid KeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// Written at most once a minute (ConsoleSessionOptions.SeenEvery), so a page view is seldom a write.
    public DateTimeOffset LastSeenAt { get; set; }
    /// Signed out.
    public DateTimeOffset? EndedAt { get; set; }
}
