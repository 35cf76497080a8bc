namespace Routing.Engine.History.Events;

/// Still too few units after the extended window: the CSM who submitted the pattern decides
/// whether the fix is verified or the item reopens.
[HistoryKind(HistoryKinds.CheckUndecided)]
internal sealed record EffectivenessUndecided(EffectivenessOutcome Effectiveness, string DecidedBy) : HistoryData
{
    public override string Summary() => $"Effectiveness inconclusive, for {DecidedBy} to decide: {Effectiveness.Explanation}";
}
