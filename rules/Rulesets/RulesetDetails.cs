using System.Text.Json;

namespace Routing.Rules.Rulesets;

/// A stored version as the API shows it. `PublishedAt` is its latest publish, if any.
public sealed record RulesetDetails(
    int Version, bool Active, DateTimeOffset CreatedAt, string CreatedBy,
    DateTimeOffset? PublishedAt, string? PublishedBy, JsonElement Workflows, JsonElement Departments, JsonElement Lifecycles, JsonElement Calendars);
