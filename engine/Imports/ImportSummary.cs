using System.Text.Json.Serialization;

namespace Routing.Engine.Imports;

/// What an import did: lines stored (or, for units sold, stored or replacing an older value),
/// lines already stored as they are, lines refused, and the first errors. Replaced is the
/// units-sold rows whose value changed (null for complaints, which are never replaced).
internal sealed record ImportSummary(
    long Accepted,
    long Duplicates,
    long Rejected,
    IReadOnlyList<ImportError> Errors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Replaced = null)
{
    public const int MaxErrors = 100;

    [JsonIgnore]
    public long Lines => Accepted + Duplicates + Rejected;
}
