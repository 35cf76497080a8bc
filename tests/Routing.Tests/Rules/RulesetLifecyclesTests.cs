using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.Rules;

/// Lifecycles are part of a ruleset version: drafted with `lifecycles` (or, without, the active
/// version's kept), shown by version, compared, refused by place when broken, published and
/// rolled back with the rest.
public abstract class RulesetLifecyclesTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_draft_carries_its_lifecycles_and_one_without_them_keeps_the_active_ones_until_a_rollback_restores_the_old()
    {
        var active = await client.GetJsonAsync("/api/rules");
        var before = (int)active["version"]!;
        var draft = Draft(active);
        Contain(draft)["fields"]!.AsArray().Add(new JsonObject { ["name"] = "containment.checkedBy", ["type"] = "person" });

        var edited = await client.DraftAsync(draft);

        Assert.Equal(["containment", "containment.checkedBy"], FieldsOfContain(await client.GetJsonAsync($"/api/rules/versions/{edited}")));
        Assert.Equal(["containment"], FieldsOfContain(await client.GetJsonAsync($"/api/rules/versions/{before}")));
        var diff = await client.GetJsonAsync($"/api/rules/versions/{edited}/diff");
        Assert.Equal(["corrective-action"], diff["changedLifecycles"]!.AsArray().Select(c => (string)c!["name"]!));
        Assert.Equal(["actions"], diff["changedLifecycles"]![0]!["fields"]!.AsArray().Select(f => (string)f!));
        Assert.Empty(diff["changedRules"]!.AsArray());
        Assert.Empty(diff["changedDepartments"]!.AsArray());

        await client.PublishAsync(edited);
        Assert.Equal(["containment", "containment.checkedBy"], await ActiveFieldsOfContainAsync());
        // A draft that sends no lifecycles keeps the active version's, the edited ones, not the shipped.
        var withoutLifecycles = Draft(await client.GetJsonAsync("/api/rules"));
        withoutLifecycles.Remove("lifecycles");
        var kept = await client.DraftAsync(withoutLifecycles);
        Assert.Equal(["containment", "containment.checkedBy"], FieldsOfContain(await client.GetJsonAsync($"/api/rules/versions/{kept}")));
        Assert.Empty((await client.GetJsonAsync($"/api/rules/versions/{kept}/diff"))["changedLifecycles"]!.AsArray());

        var rollback = await client.PostAsync($"/api/rules/versions/{before}/publish", null);
        Assert.True((bool)JsonNode.Parse(await rollback.Content.ReadAsStringAsync())!["rollback"]!);
        Assert.Equal(["containment"], await ActiveFieldsOfContainAsync());
        var history = await fixture.WithStoreAsync(db => db.History.Where(e => e.Kind == "ruleset.rolled-back")
            .OrderByDescending(e => e.Sequence).Select(e => e.Data).FirstAsync());
        Assert.Contains("containment.checkedBy", history); // the rollback's diff says what it took away
    }

    [Fact]
    public async Task A_broken_lifecycle_is_422_naming_its_place_and_nothing_is_stored()
    {
        var draft = Draft(await client.GetJsonAsync("/api/rules"));
        Contain(draft)["to"] = "Quarantined";
        var lifecycles = draft["lifecycles"]!.AsArray();
        lifecycles.Add(lifecycles[0]!.DeepClone()); // standard twice
        var stored = await fixture.WithStoreAsync(db => db.Rulesets.CountAsync());

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["to 'Quarantined' is not one of its states."], errors["lifecycles/corrective-action/actions/contain"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(["lifecycle ids must be unique."], errors["lifecycles/standard"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(stored, await fixture.WithStoreAsync(db => db.Rulesets.CountAsync()));
    }

    /// The active version as a draft body: its workflows, departments and lifecycles.
    static JsonObject Draft(JsonObject version) => new()
    {
        ["workflows"] = version["workflows"]!.DeepClone(),
        ["departments"] = version["departments"]!.DeepClone(),
        ["lifecycles"] = version["lifecycles"]!.DeepClone(),
    };

    static JsonObject Contain(JsonObject draft) => draft["lifecycles"]!.AsArray().Single(l => (string)l!["id"]! == "corrective-action")!
        ["actions"]!.AsArray().Single(a => (string)a!["name"]! == "contain")!.AsObject();

    static string[] FieldsOfContain(JsonObject version) => [.. Contain(version)["fields"]!.AsArray().Select(f => (string)f!["name"]!)];

    async Task<string[]> ActiveFieldsOfContainAsync()
    {
        var capa = JsonNode.Parse(await client.GetStringAsync("/api/lifecycles"))!.AsArray()
            .Single(l => (string)l!["lifecycle"]!["id"]! == "corrective-action")!;
        Assert.Equal(["manufacturing", "logistics", "rnd"], capa["departments"]!.AsArray().Select(d => (string)d!));
        return [.. capa["lifecycle"]!["actions"]!.AsArray().Single(a => (string)a!["name"]! == "contain")!["fields"]!.AsArray().Select(f => (string)f!["name"]!)];
    }
}

public sealed class RulesetLifecyclesOnSqlite(SqliteShippedLifecyclesFixture fixture) : RulesetLifecyclesTests(fixture), IClassFixture<SqliteShippedLifecyclesFixture>;

public sealed class RulesetLifecyclesOnPostgres(PostgresShippedLifecyclesFixture fixture) : RulesetLifecyclesTests(fixture), IClassFixture<PostgresShippedLifecyclesFixture>;
