using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Workflows;

/// An item follows the lifecycle of the ruleset version that opened it to the end: publishing
/// a version that changes the lifecycle changes only the items opened after it.
public abstract class LifecycleVersionTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    static string[] FieldsOf(JsonObject item, string action) =>
        [.. item["actions"]!.AsArray().Single(a => (string)a!["name"]! == action)!["fields"]!.AsArray().Select(f => (string)f!["name"]!)];

    /// Version 2 of corrective-action: containment must say who verified it, and CauseFound is RootCauseFound.
    static JsonObject ChangedCapa()
    {
        var draft = ShippedDraft.Build();
        var capa = JsonNode.Parse(draft.Lifecycle("corrective-action").ToJsonString().Replace("\"CauseFound\"", "\"RootCauseFound\""))!.AsObject();
        capa.Part("actions", "contain")["fields"]!.AsArray().Add(new JsonObject
        {
            ["name"] = "containment.verifiedBy", ["type"] = "person", ["label"] = "Containment verified by",
        });
        var lifecycles = draft["lifecycles"]!.AsArray();
        lifecycles[lifecycles.IndexOf(draft.Lifecycle("corrective-action"))] = capa;
        return draft;
    }

    [Fact]
    public async Task An_item_opened_under_one_version_finishes_under_it_after_another_is_published()
    {
        var report = Reports.Valid("quality", "medium");
        var old = (string)(await client.SubmitAsync(report)).Item("manufacturing")["id"]!;
        var first = (int)(await client.GetItemAsync(old))["lifecycle"]!["version"]!;

        var second = await client.DraftAsync(ChangedCapa());
        await client.PublishAsync(second);
        var fresh = (string)(await client.SubmitAsync(Reports.Valid("quality", "medium"))).Item("manufacturing")["id"]!;

        // The old item: its version's lifecycle, its required fields, its states, to the end.
        var oldItem = await client.GetItemAsync(old);
        Assert.Equal(("corrective-action", first), ((string)oldItem["lifecycle"]!["id"]!, (int)oldItem["lifecycle"]!["version"]!));
        Assert.Equal(["containment"], FieldsOf(oldItem, "contain"));
        await client.DoWithAsync(old, "contain", LifecycleActions.CapaSteps[0].Fields);
        Assert.Equal("CauseFound", (await client.DoWithAsync(old, "find-cause", LifecycleActions.CapaSteps[1].Fields)).State());
        foreach (var (action, fields) in LifecycleActions.CapaSteps[2..]) await client.DoWithAsync(old, action, fields);
        Assert.Equal("Resolved", (await client.GetItemAsync(old)).State());

        // The new item: the new version's.
        var freshItem = await client.GetItemAsync(fresh);
        Assert.Equal(second, (int)freshItem["lifecycle"]!["version"]!);
        Assert.Equal(["containment", "containment.verifiedBy"], FieldsOf(freshItem, "contain"));
        Assert.Equal(["fields.containment.verifiedBy"], (await client.RefusedAsync(fresh, "contain", LifecycleActions.CapaSteps[0].Fields)).Select(e => e.Key));
        await client.DoWithAsync(fresh, "contain", new Dictionary<string, object>
        {
            ["containment"] = "Line stopped", ["containment.verifiedBy"] = "Quality lead",
        });
        Assert.Equal("RootCauseFound", (await client.DoWithAsync(fresh, "find-cause", LifecycleActions.CapaSteps[1].Fields)).State());

        // The old item's timers follow its version too: its check verifies it.
        await fixture.AdvanceAsync(TimeSpan.FromDays(14));
        Assert.Equal("Verified", (await client.GetItemAsync(old)).State());
        Assert.Equal("RootCauseFound", (await client.GetItemAsync(fresh)).State());
        await client.PublishAsync(first);
    }
}

public sealed class LifecycleVersionsOnSqlite(SqliteShippedLifecyclesFixture fixture) : LifecycleVersionTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class LifecycleVersionsOnPostgres(PostgresShippedLifecyclesFixture fixture) : LifecycleVersionTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
