using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// A scan for patterns: how many segments it tested and what became of the candidates, and
/// when it began counting (so an import that ended before then is in it: ImportsToScan).
/// Scans stored before StartedAt was kept lack it.
[HistoryKind(HistoryKinds.PatternsScanned)]
internal sealed record PatternsScanned(
    long Tested,
    long Flagged,
    long New,
    long Reopened,
    long NoLongerFlagged,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? StartedAt = null) : HistoryData
{
    public override string Summary() =>
        $"Scanned {Tested} segment{(Tested == 1 ? "" : "s")} for patterns: {Flagged} flagged ({New} new, {Reopened} reopened), {NoLongerFlagged} no longer flagged";
}
