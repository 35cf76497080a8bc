using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Routing.Rules.Rulesets;

/// One field of a rule or department that differs between two versions, for people to read:
/// "department logistics → rnd". `Before` is null for a field that was added, `After` for one
/// that was removed. A rule's route details (its `Properties`) are named by their own names.
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
        changes.Add(new(path, Text(before), Text(after)));
    }

    static string Join(string path, string name) => path is "" or "Properties" ? name : $"{path}.{name}";

    // A text as it is; anything else as compact JSON (a list of months, a webhook).
    static string? Text(JToken? value) => value switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.String } text => (string)text!,
        _ => value.ToString(Formatting.None),
    };
}
