namespace Routing.Engine.Imports;

/// One line of an import as its format read it: the fields by name (any case), their values as
/// text (empty ones are null), or, when the line could not be read at all, why.
internal sealed record ImportRow(long Line, IReadOnlyDictionary<string, string?> Fields, ImportError? Unreadable = null)
{
    public static readonly IReadOnlyDictionary<string, string?> NoFields = new Dictionary<string, string?>();

    public static ImportRow Broken(long line, string field, string message) => new(line, NoFields, new(line, field, message));

    public string? this[string field] => Fields.GetValueOrDefault(field);
}
