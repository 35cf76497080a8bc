using System.Text.Json;

namespace Routing.Host.Pages.Console;

/// What a step's form on the item page posts besides the action: `fields[name]` for a field of
/// one value (text, choice, date, person) and `lines[name]` for a list, a textarea with one item a
/// line. Turned into the action's Fields as the API takes them (a list as an array, blank lines
/// dropped); `Typed` is what the person typed, which a refused form shows again.
internal sealed record PostedFields(IReadOnlyDictionary<string, string> Single, IReadOnlyDictionary<string, string> Lines)
{
    public static PostedFields? Of(Dictionary<string, string?>? fields, Dictionary<string, string?>? lines) =>
        fields is not { Count: > 0 } && lines is not { Count: > 0 } ? null
            : new(Text(fields), Text(lines));

    static Dictionary<string, string> Text(Dictionary<string, string?>? posted) =>
        (posted ?? []).ToDictionary(p => p.Key, p => p.Value ?? "");

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
