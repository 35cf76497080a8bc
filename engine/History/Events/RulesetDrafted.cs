using System.Text.Json;

namespace Routing.Engine.History.Events;

/// A ruleset version stored as a draft; `Diff` is its difference from the active version (a RulesetDiff).
[HistoryKind(HistoryKinds.RulesetDrafted)]
internal sealed record RulesetDrafted(int Version, JsonElement Diff) : HistoryData
{
    public override string Summary() => $"Ruleset v{Version} drafted";
}
