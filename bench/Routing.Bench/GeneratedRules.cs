using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The shipped workflows with the Routing workflow grown to `total` rules of realistic shape.
internal static class GeneratedRules
{
    static readonly string[] Categories = ["quality", "supply", "design", "marketing", "sales-conduct", "pricing", "policy", "third-party"];
    static readonly string[] Departments = ["manufacturing", "logistics", "rnd", "marketing", "strategy"];

    public static string Workflows(string shipped, int total)
    {
        var workflows = JsonNode.Parse(shipped)!.AsArray();
        var routing = workflows.Single(w => (string)w!["WorkflowName"]! == "Routing")!["Rules"]!.AsArray();
        var priority = workflows.Single(w => (string)w!["WorkflowName"]! == "Priority")!["Rules"]!.AsArray();
        for (var i = 0; routing.Count + priority.Count < total; i++)
            routing.Add(new JsonObject
            {
                ["RuleName"] = $"Generated{i}",
                ["Expression"] = $"report.Category == \"{Categories[i % Categories.Length]}\" && report.Product.Contains(\"model-{i}\") " +
                                 $"&& report.Segment.Months.Any(m => m == {i % 12 + 1})",
                ["Properties"] = new JsonObject { ["department"] = Departments[i % Departments.Length] },
            });
        return workflows.ToJsonString();
    }
}
