using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// Publishing changes how new reports route, never the items already routed; a rollback
/// is a publish of an older version; every step is in history.
public abstract class RulesPublishTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Publish_routes_new_reports_by_the_new_version_and_rollback_restores_the_old()
    {
        var historyBefore = await fixture.WithStoreAsync(db => db.History.MaxAsync(e => e.Sequence));
        var before = await client.SubmitAsync(Reports.Valid("supply"));
        var draft = await client.DraftAsync(Rulesets.SupplyToRnd());

        await client.PublishAsync(draft);

        var active = await client.GetJsonAsync("/api/rules");
        Assert.Equal(draft, (int)active["version"]!);
        Assert.Equal(RoutingApplication.AdminName, (string)active["publishedBy"]!);
        var after = await client.SubmitAsync(Reports.Valid("supply"));
        Assert.Equal(["rnd"], after.Departments());
        Assert.Equal(draft, (int)after["rulesetVersion"]!);
        var old = await client.GetItemAsync((string)before.Item("logistics")["id"]!);
        Assert.Equal(1, (int)old["rulesetVersion"]!);
        Assert.Equal("logistics", (string)old["department"]!);

        var rollback = await client.PostAsync("/api/rules/versions/1/publish", null);
        var answer = JsonNode.Parse(await rollback.Content.ReadAsStringAsync())!;
        Assert.True((bool)answer["rollback"]!);
        Assert.Equal(["logistics"], (await client.SubmitAsync(Reports.Valid("supply"))).Departments());

        var history = await fixture.WithStoreAsync(db => db.History.Where(e => e.Sequence > historyBefore && e.Kind.StartsWith("ruleset."))
            .OrderBy(e => e.Sequence).Select(e => new { e.Kind, e.Data }).ToListAsync());
        Assert.Equal(["ruleset.drafted", "ruleset.published", "ruleset.rolled-back"], history.Select(h => h.Kind));
        Assert.Contains("SupplyProblemToLogistics", history[1].Data);
        Assert.Contains("\"previous\":1", history[1].Data);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/rules/versions/999/publish", null)).StatusCode);
    }
}

public sealed class RulesPublishOnSqlite(SqliteFixture fixture) : RulesPublishTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RulesPublishOnPostgres(PostgresFixture fixture) : RulesPublishTests(fixture), IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task A_publish_on_one_host_is_picked_up_by_another()
    {
        await using var other = new RoutingApplication(fixture.Store, fixture.Clock);
        var otherClient = other.CreateClient();
        var draft = await fixture.Client.DraftAsync(Rulesets.SupplyToRnd());

        await fixture.Client.PublishAsync(draft);

        await Eventually.HoldsAsync(async () => await RoutingVersionAsync(otherClient) == draft,
            TimeSpan.FromSeconds(30), "the other host routes with the published version");
        Assert.Equal(["rnd"], (await otherClient.SubmitAsync(Reports.Valid("supply"))).Departments());
        await fixture.Client.PublishAsync(1);
    }

    /// The version a host routes with, as its simulation (with the active rules) says.
    static async Task<int> RoutingVersionAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/rules/simulate", System.Net.Http.Json.JsonContent.Create(new JsonObject { ["report"] = Reports.Valid() }));
        return (int)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["version"]!;
    }
}
