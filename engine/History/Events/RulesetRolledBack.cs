using System.Text.Json;

namespace Routing.Engine.History.Events;

/// An older ruleset version published again; `Diff` is its difference from the one it replaced (a RulesetDiff).
[HistoryKind(HistoryKinds.RulesetRolledBack)]
internal sealed record RulesetRolledBack(int Version, int Previous, JsonElement Diff) : HistoryData
{
    public override string Summary() => $"Rolled back to ruleset v{Version} (was v{Previous})";
}
