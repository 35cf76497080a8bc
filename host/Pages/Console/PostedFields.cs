using System.Text.Json;

namespace Routing.Host.Pages.Console;

/// What a step's form on the item page posts besides the action: `fields[name]` for a field of
/// one value (text, choice, date, person) and `lines[name]` for a list, a textarea with one item a
/// line. Turned into the action's Fields as the API takes them (a list as an array, blank lines
/// dropped); `Typed` is what the person typed, which a refused form shows again.
internal sealed record PostedFields(IReadOnlyDictionary<string, string> Single, IReadOnlyDictionary<string, string> Lines)
{
    /// The fields in a posted form (read by their names: model binding would take the form's
    /// other values for a dictionary's too), or null when it has none.
    public static PostedFields? Of(IFormCollection form)
    {
        var fields = Named(form, "fields[");
        var lines = Named(form, "lines[");
        return fields.Count + lines.Count == 0 ? null : new(fields, lines);
    }

    static Dictionary<string, string> Named(IFormCollection form, string prefix) => form
        .Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal) && p.Key.EndsWith(']') && p.Key.Length > prefix.Length + 1)
        .ToDictionary(p => p.Key[prefix.Length..^1], p => p.Value.ToString());

    public IReadOnlyDictionary<string, string> Typed
    {
        get
        {
            var typed = new Dictionary<string, string>(Single);
            foreach (var (name, text) in Lines) typed[name] = text;
            return typed;
        }
    }

    public Dictionary<string, JsonElement> Values()
    {
        var values = Single.ToDictionary(p => p.Key, p => JsonSerializer.SerializeToElement(p.Value));
        foreach (var (name, text) in Lines) values[name] = JsonSerializer.SerializeToElement(ItemsOf(text));
        return values;
    }

    /// A list's items: its lines, trimmed, the blank ones dropped.
    public static string[] ItemsOf(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
