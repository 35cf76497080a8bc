using Newtonsoft.Json.Linq;
using Routing.Rules.Rulesets;

namespace Routing.Tests.Rules;

/// The console says what changed in a rule or department in words, field by field: a route
/// detail by its own name, a field added or removed, a list as JSON.
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
}
