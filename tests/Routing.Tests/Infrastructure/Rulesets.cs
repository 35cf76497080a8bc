using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Routing.Tests.Infrastructure;

/// Ruleset drafts built from the shipped rules, and the calls admins make with them.
public static class Rulesets
{
    static JsonArray Shipped(string file) => TestRules.Part(Path.Combine(TestRules.Standard, file));

    /// The shipped ruleset as a POST /api/rules/versions body.
    public static JsonObject ShippedDraft() => new()
    {
        ["workflows"] = Shipped("routing.json"),
        ["departments"] = Shipped("departments.json"),
    };

    public static JsonObject Rule(this JsonObject draft, string name) =>
        draft["workflows"]!.AsArray().SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string)r!["RuleName"]! == name)!.AsObject();

    public static JsonArray RoutingRules(this JsonObject draft) =>
        draft["workflows"]!.AsArray().Single(w => (string)w!["WorkflowName"]! == "Routing")!["Rules"]!.AsArray();

    /// Supply problems go to R&D instead of logistics.
    public static JsonObject SupplyToRnd()
    {
        var draft = ShippedDraft();
        draft.Rule("SupplyProblemToLogistics")["Properties"]!["department"] = "rnd";
        return draft;
    }

    public static async Task<int> DraftAsync(this HttpClient client, JsonObject draft)
    {
        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"draft: {(int)response.StatusCode} {body}");
        return (int)JsonNode.Parse(body)!["version"]!;
    }

    public static async Task PublishAsync(this HttpClient client, int version)
    {
        var response = await client.PostAsync($"/api/rules/versions/{version}/publish", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
