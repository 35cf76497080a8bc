namespace Routing.Engine.Rulesets;

/// One publish of a version (a rollback is a publish of an older one). Append-only: the
/// active version is the one published last.
internal sealed class RulesetPublication
{
    public long Id { get; set; }
    public int Version { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
}
