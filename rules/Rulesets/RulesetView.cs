using System.Text.Json;

namespace Routing.Rules.Rulesets;

/// A stored version as the API shows it. `PublishedAt` is its latest publish, if any.
public sealed record RulesetView(
    int Version, bool Active, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, JsonElement Workflows, JsonElement Departments);

public sealed record RulesetSummary(
    int Version, bool Active, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy);

public sealed record Published(int Version, int Previous, bool Rollback);
