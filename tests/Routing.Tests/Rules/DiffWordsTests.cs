using Newtonsoft.Json.Linq;
using Routing.Rules.Rulesets;

namespace Routing.Tests.Rules;

/// The console says what changed in a rule or department in words, field by field: a route
/// detail by its own name, a field added or removed, a list as JSON, and a list of named parts
/// (a lifecycle's states, actions and fields) part by part, each by its place.
public sealed class DiffWordsTests
{
    [Fact]
    public void Each_changed_field_is_named_with_its_old_and_new_value()
    {
        var before = JObject.Parse("""
            { "RuleName": "Supply", "Expression": "report.Category == \"supply\"", "Enabled": true,
              "Properties": { "department": "logistics", "notify": ["strategy"] } }
            """);
        var after = JObject.Parse("""
            { "RuleName": "Supply", "Expression": "report.Category == \"supply\" && report.ReportCount > 5",
              "Properties": { "department": "rnd", "priority": "P1", "notify": ["strategy", "sales"] } }
            """);

        Assert.Equal(
        [
            new("Expression", "report.Category == \"supply\"", "report.Category == \"supply\" && report.ReportCount > 5"),
            new("department", "logistics", "rnd"),
            new("priority", null, "P1"),
            new("notify", "[\"strategy\"]", "[\"strategy\",\"sales\"]"),
            new("Enabled", "true", null),
        ], FieldChange.Between(before, after));
    }

    [Fact]
    public void A_lifecycle_is_compared_part_by_part_each_named_by_its_place()
    {
        var before = JObject.Parse("""
            { "id": "capa", "start": "Routed",
              "states": [ { "name": "Routed", "kind": "open" }, { "name": "Contained", "kind": "open" }, { "name": "Done", "kind": "final" } ],
              "actions": [ { "name": "contain", "from": ["Routed"], "to": "Contained", "fields": [ { "name": "containment", "type": "text" } ] },
                           { "name": "close", "from": ["Contained"], "to": "Done" } ] }
            """);
        var after = JObject.Parse("""
            { "id": "capa", "start": "Routed",
              "states": [ { "name": "Routed", "kind": "open" }, { "name": "Contained", "kind": "waiting" }, { "name": "Done", "kind": "final" } ],
              "actions": [ { "name": "contain", "from": ["Routed", "Contained"], "to": "Contained",
                             "fields": [ { "name": "containment", "type": "text", "label": "Containment" }, { "name": "checkedBy", "type": "person" } ] },
                           { "name": "verify", "from": ["Contained"], "to": "Done" } ] }
            """);

        Assert.Equal(
        [
            new("states/Contained/kind", "open", "waiting"),
            new("actions/contain/from", "[\"Routed\"]", "[\"Routed\",\"Contained\"]"),
            new("actions/contain/fields/containment/label", null, "Containment"),
            new("actions/contain/fields/checkedBy", null, "{\"name\":\"checkedBy\",\"type\":\"person\"}"),
            new("actions/verify", null, "{\"name\":\"verify\",\"from\":[\"Contained\"],\"to\":\"Done\"}"),
            new("actions/close", "{\"name\":\"close\",\"from\":[\"Contained\"],\"to\":\"Done\"}", null),
        ], FieldChange.Between(before, after));
    }
}
