using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// Units sold imported: the counts, among them the product-region-months whose earlier value
/// the import replaced. CutOff as for complaints (ComplaintsImported).
[HistoryKind(HistoryKinds.ExposureImported)]
internal sealed record ExposureImported(
    Guid ImportId,
    string Source,
    long Accepted,
    long Duplicates,
    long Rejected,
    long Replaced,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CutOff = null) : HistoryData
{
    public override string Summary() =>
        $"Units sold imported: {Accepted} row{(Accepted == 1 ? "" : "s")}, {Replaced} of them replacing an earlier value ({Duplicates} already stored, " +
        $"{Rejected} rejected) from {File ?? Source}" +
        (CutOff is null ? "" : $"; cut off before the end ({CutOff}): a retry of the same file completes it");
}
