namespace Routing.Engine.History.Events;

/// Too few units were sold in the observation window to judge the fix: it is watched once more,
/// to WatchTo.
[HistoryKind(HistoryKinds.CheckExtended)]
internal sealed record EffectivenessCheckExtended(EffectivenessOutcome Effectiveness, DateOnly WatchTo) : HistoryData
{
    public override string Summary() => $"Effectiveness check extended to {WatchTo:yyyy-MM-dd}: {Effectiveness.Explanation}";
}
