using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// A ruleset version made the active one: published by a person (with the version it replaced
/// and the difference from it, a RulesetDiff), or the shipped rules stored on a new database
/// (with the folder they came from). Each writes only its own fields.
[HistoryKind(HistoryKinds.RulesetPublished)]
internal sealed record RulesetPublished(
    int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Previous = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Diff = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null) : HistoryData
{
    public override string Summary() => $"Ruleset v{Version} published" + (Previous is { } was ? $" (was v{was})" : "");
}
