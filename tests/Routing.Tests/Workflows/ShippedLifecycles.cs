using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// A host on the shipped rules, where each department follows its own lifecycle.
public abstract class ShippedLifecyclesFixture(TestStore store) : RoutingFixture(store)
{
    public override Task InitializeAsync()
    {
        RulesFolder = TestRules.Shipped;
        return base.InitializeAsync();
    }
}

public sealed class SqliteShippedLifecyclesFixture() : ShippedLifecyclesFixture(TestStore.Sqlite());

public sealed class PostgresShippedLifecyclesFixture() : ShippedLifecyclesFixture(TestStore.Postgres());

/// The shipped ruleset, lifecycles and the departments' lifecycles included, as a draft.
public static class ShippedDraft
{
    public static JsonObject Build() => new()
    {
        ["workflows"] = Read("routing.json"),
        ["departments"] = Read("departments.json"),
        ["lifecycles"] = Read("lifecycles.json"),
    };

    static JsonNode Read(string file) => TestRules.Part(Path.Combine(TestRules.Shipped, file));

    /// An entry of a list in the draft by its name (or id).
    public static JsonObject Part(this JsonNode parent, string list, string name, string key = "name") =>
        parent[list]!.AsArray().Single(n => (string?)n?[key] == name)!.AsObject();

    public static JsonObject Lifecycle(this JsonObject draft, string id) => draft.Part("lifecycles", id, "id");
}

/// The calls a department head makes on an item that follows a lifecycle with fields.
public static class LifecycleActions
{
    public static Task<HttpResponseMessage> ActWithAsync(this HttpClient client, string id, string action, int version, object? fields, string? note = null) =>
        client.PostAsJsonAsync($"/api/work-items/{id}/{action}", new { note, version, fields });

    /// Reads the item and takes the action with the fields, which must succeed; returns the item after it.
    public static async Task<JsonObject> DoWithAsync(this HttpClient client, string id, string action, object? fields, string? note = null)
    {
        var version = (int)(await client.GetItemAsync(id))["version"]!;
        var response = await client.ActWithAsync(id, action, version, fields, note);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: expected 200, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// Takes the action, which must be refused with a 422; returns the errors by field.
    public static async Task<JsonObject> RefusedAsync(this HttpClient client, string id, string action, object? fields, string? note = null)
    {
        var version = (int)(await client.GetItemAsync(id))["version"]!;
        var response = await client.ActWithAsync(id, action, version, fields, note);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{action}: expected 422, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["errors"]!.AsObject();
    }

    /// The fields the corrective-action lifecycle asks for, step by step, as a head fills them in.
    public static readonly (string Action, object Fields)[] CapaSteps =
    [
        ("contain", new Dictionary<string, object> { ["containment"] = "Quarantined 400 boards at the Flint plant" }),
        ("find-cause", new Dictionary<string, object>
        {
            ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "Solder joint cracks below -10 C",
            ["rootCause.elsewhere"] = "The HX-300 uses the same board",
        }),
        ("plan-action", new Dictionary<string, object>
        {
            ["correctiveAction.plan"] = "Switch to a cold-rated solder", ["correctiveAction.owner"] = "Dana Reyes",
            ["correctiveAction.due"] = "2026-12-15",
        }),
        ("resolve", new Dictionary<string, object>
        {
            ["correctiveAction.taken"] = "Cold-rated solder on every board since week 49",
            ["preventiveAction"] = "Cold test added to the HX-300 line",
        }),
    ];
}
