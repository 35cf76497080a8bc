using System.Text.Json;

namespace Routing.Host;

/// What the serializer lets through but the API refuses in any body, wherever in it (typed
/// fields and raw JSON such as a ruleset's workflows alike): a key given twice (the last one
/// would silently win) and the NUL character (PostgreSQL refuses it in text).
internal static class JsonBodyText
{
    /// The first such problem, naming its field; null when there is none, or when the text is
    /// not JSON at all (the serializer then says where it breaks).
    public static JsonBody.FieldProblem? Check(byte[] json)
    {
        // Per open container: its current property name (null in arrays) and, for objects, the names seen.
        var path = new List<string?>();
        var seen = new Stack<HashSet<string>?>();
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        seen.Push(reader.TokenType == JsonTokenType.StartObject ? new(StringComparer.Ordinal) : null);
                        path.Add(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        seen.Pop();
                        path.RemoveAt(path.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        // Named by the object that holds it: the key itself cannot be shown.
                        if (name.Contains('\0')) return new(Field(path[..^1]), "has a field name with a NUL character (\\u0000).");
                        path[^1] = name;
                        if (!seen.Peek()!.Add(name)) return new(Field(path), "is given more than once.");
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped && reader.GetString()!.Contains('\0'):
                        return new(Field(path), "must not contain a NUL character (\\u0000).");
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Malformed, or an escape that is no character (a lone surrogate): the serializer names it.
            return null;
        }
        return null;
    }

    /// "segment.region" for a value of the segment's region, an array's index left out; "body" for the top.
    static string Field(List<string?> path) => path.OfType<string>().Any() ? string.Join('.', path.OfType<string>()) : "body";
}
