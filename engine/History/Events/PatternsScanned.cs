namespace Routing.Engine.History.Events;

/// A scan for patterns: how many segments it tested and what became of the candidates.
[HistoryKind(HistoryKinds.PatternsScanned)]
internal sealed record PatternsScanned(
    long Tested,
    long Flagged,
    long New,
    long Reopened,
    long NoLongerFlagged) : HistoryData
{
    public override string Summary() =>
        $"Scanned {Tested} segment{(Tested == 1 ? "" : "s")} for patterns: {Flagged} flagged ({New} new, {Reopened} reopened), {NoLongerFlagged} no longer flagged";
}
