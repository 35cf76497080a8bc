using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Routing.Rules.Rulesets;

/// One field of a rule or department that differs between two versions, for people to read:
/// "department logistics → rnd". `Before` is null for a field that was added, `After` for one
/// that was removed. A rule's route details (its `Properties`) are named by their own names.
/// A list of named parts (a lifecycle's states, actions and their fields) is compared part by
/// part, each named by its place as validation names it: `actions/contain/fields/containment`.
public sealed record FieldChange(string Field, string? Before, string? After)
{
    internal static IReadOnlyList<FieldChange> Between(JToken before, JToken after)
    {
        var changes = new List<FieldChange>();
        Compare("", before, after, changes);
        return changes;
    }

    static void Compare(string path, JToken? before, JToken? after, List<FieldChange> changes)
    {
        if (JToken.DeepEquals(before, after)) return;
        if (before is JObject b && after is JObject a)
        {
            // The newer version's order first, then the fields it no longer has.
            foreach (var name in a.Properties().Select(p => p.Name).Concat(b.Properties().Select(p => p.Name)).Distinct())
                Compare(Join(path, name), b[name], a[name], changes);
            return;
        }
        if (Named(before) is { } namedBefore && Named(after) is { } namedAfter)
        {
            foreach (var name in namedAfter.Keys.Concat(namedBefore.Keys).Distinct())
                Compare($"{path}/{name}", namedBefore.GetValueOrDefault(name), namedAfter.GetValueOrDefault(name), changes);
            return;
        }
        changes.Add(new(path, Text(before), Text(after)));
    }

    // Inside a named part the place goes on as validation writes it (actions/contain/label).
    static string Join(string path, string name) => path is "" or "Properties" ? name : path.Contains('/') ? $"{path}/{name}" : $"{path}.{name}";

    /// A list whose items are objects each with a name of its own, by name, in order; else null.
    static Dictionary<string, JToken>? Named(JToken? value)
    {
        if (value is not JArray list || !list.All(i => i is JObject o && o["name"] is JValue { Type: JTokenType.String })) return null;
        var byName = new Dictionary<string, JToken>();
        foreach (var item in list)
            if (!byName.TryAdd((string)item["name"]!, item)) return null;
        return byName;
    }

    // A text as it is; anything else as compact JSON (a list of months, a webhook).
    static string? Text(JToken? value) => value switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } text => (string)text!,
        _ => value.ToString(Formatting.None),
    };
}
