using System.Text.Json;
using Routing.Engine.Imports;

namespace Routing.Host.Imports;

/// A JSON object as an import line: each field's value as text (a number as written, an
/// empty string or null as nothing), names in any case. Anything else is an unreadable line.
internal static class JsonRowFields
{
    public static ImportRow Of(long line, JsonElement element)
    {
        try
        {
            return Fields(line, element);
        }
        catch (InvalidOperationException)
        {
            // Bytes that are not UTF-8, or an escape that is no character (a lone surrogate).
            return ImportRow.Broken(line, "line", "has text that is not valid UTF-8.");
        }
    }

    static ImportRow Fields(long line, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object) return ImportRow.Broken(line, "line", "is not a JSON object.");
        var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.String:
                    fields[property.Name] = Text(property.Value.GetString());
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    fields[property.Name] = property.Value.GetRawText();
                    break;
                case JsonValueKind.Null:
                    fields[property.Name] = null;
                    break;
                default:
                    return ImportRow.Broken(line, property.Name, "must be a string or a number.");
            }
        }
        return new(line, fields);
    }

    /// A value as a line holds it: trimmed, and nothing when empty.
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
