namespace Routing.Rules.Rulesets;

/// A stored version in the list of versions: its details without the workflows and departments.
public sealed record RulesetSummary(
    int Version, bool Active, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy);
