using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// Complaints imported, through the API, from a file with the CLI or uploaded in the console: the counts, not the
/// complaints (each stored complaint names the import's id).
[HistoryKind(HistoryKinds.ComplaintsImported)]
internal sealed record ComplaintsImported(
    Guid ImportId,
    string Source,
    long Accepted,
    long Duplicates,
    long Rejected,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null) : HistoryData
{
    public override string Summary() =>
        $"{Accepted} complaint{(Accepted == 1 ? "" : "s")} imported ({Duplicates} already stored, {Rejected} rejected) from {File ?? Source}";
}
