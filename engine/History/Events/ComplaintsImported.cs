using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// Complaints imported, through the API, from a file with the CLI or uploaded in the console: the
/// counts, not the complaints (each stored complaint names the import's id). CutOff says why an
/// import stopped before its last line ("the connection dropped", "cancelled", "failed"); its
/// counts are then those of the whole batches stored before it. Null when the import finished.
[HistoryKind(HistoryKinds.ComplaintsImported)]
internal sealed record ComplaintsImported(
    Guid ImportId,
    string Source,
    long Accepted,
    long Duplicates,
    long Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CutOff = null) : HistoryData
{
    public override string Summary() =>
        $"{Accepted} complaint{(Accepted == 1 ? "" : "s")} imported ({Duplicates} already stored, {Rejected} rejected) from {File ?? Source}" +
        (CutOff is null ? "" : $"; cut off before the end ({CutOff}): a retry of the same file completes it");
}
