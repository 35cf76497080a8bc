namespace Routing.Engine.Access;

/// A user's API key. Only the SHA-256 of the key is stored; the key itself is shown once.
internal sealed class ApiKey
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public required string Role { get; set; }
    /// For department heads: the departments they see and work.
    public List<string> Departments { get; set; } = [];
    public required string Hash { get; set; }
    /// Where its holder hears of their reports' outcomes (a CSM's): personal data, never in history or logs.
    public string? Email { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
