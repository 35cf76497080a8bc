using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// Drafts, validation, diff, simulate and replay: nothing here changes the active rules.
public abstract class RulesAdminTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    async Task<int> VersionCountAsync() => await fixture.WithStoreAsync(db => db.Rulesets.CountAsync());

    [Fact]
    public async Task A_draft_is_stored_but_not_active()
    {
        var version = await client.DraftAsync(Rulesets.SupplyToRnd());

        var versions = JsonNode.Parse(await client.GetStringAsync("/api/rules/versions"))!.AsArray();
        Assert.Contains(versions, v => (int)v!["version"]! == version && !(bool)v["active"]! && v["publishedAt"] is null);
        Assert.Equal(1, (int)(await client.GetJsonAsync("/api/rules"))["version"]!);
        var stored = await client.GetJsonAsync($"/api/rules/versions/{version}");
        Assert.Equal("rnd", (string)stored["workflows"]![0]!["Rules"]![1]!["Properties"]!["department"]!);
        Assert.Equal(["logistics"], (await client.SubmitAsync(Reports.Valid("supply"))).Departments());
    }

    [Fact]
    public async Task Invalid_draft_is_422_with_every_bad_rule_named_and_nothing_stored()
    {
        var before = await VersionCountAsync();
        var draft = Rulesets.ShippedDraft();
        draft.Rule("QualityDefectToManufacturing")["Expression"] = "report.Categroy == \"quality\"";
        draft.Rule("SupplyProblemToLogistics")["Properties"]!["department"] = "astrology";
        draft.Rule("HighSeverity")["Properties"]!["priority"] = "P9";
        draft.Rule("MediumSeverity")["Properties"]!["ackWithin"] = "two days";
        draft.Rule("DesignFlawToRnd")["RuleName"] = "OtherToTriage";

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var named = problem["ruleErrors"]!.AsArray().Select(e => (string)e!["rule"]!).ToHashSet();
        Assert.Superset(new HashSet<string> { "SupplyProblemToLogistics", "HighSeverity", "MediumSeverity", "OtherToTriage" }, named);
        Assert.Contains("astrology", problem["errors"]!["SupplyProblemToLogistics"]![0]!.ToString());
        Assert.Equal(before, await VersionCountAsync());

        // With the other errors fixed, the expression that does not compile is named too.
        var onlyExpression = Rulesets.ShippedDraft();
        onlyExpression.Rule("QualityDefectToManufacturing")["Expression"] = "report.Categroy == \"quality\"";
        var second = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/rules/versions", onlyExpression)).Content.ReadAsStringAsync())!;
        Assert.Equal(["QualityDefectToManufacturing"], second["ruleErrors"]!.AsArray().Select(e => (string)e!["rule"]!));
    }

    [Fact]
    public async Task Misspelt_or_mistyped_rule_properties_are_422_naming_the_rule()
    {
        var before = await VersionCountAsync();
        var draft = Rulesets.ShippedDraft();
        draft.Rule("HighSeverity")["Properties"]!["prority"] = "P1";
        draft.Rule("CriticalSeverity")["Properties"]!["notify"] = "sales";
        draft.Rule("SupplyProblemToLogistics")["Properties"]!["department"] = 7;

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!;
        Assert.Contains("unknown property 'prority'", errors["HighSeverity"]![0]!.ToString());
        Assert.Contains("notify must be a list", errors["CriticalSeverity"]![0]!.ToString());
        Assert.Contains("department must be a string", errors["SupplyProblemToLogistics"]![0]!.ToString());
        Assert.Equal(before, await VersionCountAsync());
    }

    [Theory]
    [InlineData("{}", "workflows")]
    [InlineData("{\"workflows\": [], \"departments\": \"none\"}", "departments")]
    public async Task Draft_missing_its_parts_is_422_naming_them(string body, string part)
    {
        var response = await client.PostAsync("/api/rules/versions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![part]);
    }

    [Fact]
    public async Task Hostile_expression_is_rejected_through_the_api()
    {
        var draft = Rulesets.ShippedDraft();
        draft.Rule("OtherToTriage")["Expression"] = "report.GetType().Assembly.FullName != \"\"";
        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("GetType", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Diff_lists_added_removed_and_changed_rules_with_their_fields()
    {
        var draft = Rulesets.SupplyToRnd();
        draft.RoutingRules().Add(new JsonObject
        {
            ["RuleName"] = "SafetyToStrategy", ["Expression"] = "report.Title.ToLower().Contains(\"fire\")",
            ["Properties"] = new JsonObject { ["department"] = "strategy" },
        });
        var other = draft.RoutingRules().First(r => (string)r!["RuleName"]! == "OtherToTriage")!;
        draft.RoutingRules().Remove(other);
        var version = await client.DraftAsync(draft);

        var diff = await client.GetJsonAsync($"/api/rules/versions/{version}/diff?against=1");

        Assert.Equal(["SafetyToStrategy"], diff["addedRules"].Strings());
        Assert.Equal(["OtherToTriage"], diff["removedRules"].Strings());
        var changed = diff["changedRules"]!.AsArray().Single()!;
        Assert.Equal("SupplyProblemToLogistics", (string)changed["name"]!);
        Assert.Equal(["Properties"], changed["fields"].Strings());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/rules/versions/{version}/diff?against=999")).StatusCode);
    }

    [Fact]
    public async Task Simulate_shows_routes_and_every_rule_and_stores_nothing()
    {
        var draft = await client.DraftAsync(Rulesets.SupplyToRnd());
        var reportsBefore = await fixture.WithStoreAsync(db => db.Reports.CountAsync());

        var active = await SimulateAsync(new JsonObject { ["report"] = Reports.Valid("supply", "critical") });
        var proposed = await SimulateAsync(new JsonObject { ["report"] = Reports.Valid("supply", "critical"), ["version"] = draft });

        Assert.Equal(["logistics"], active["routes"]!.AsArray().Select(r => (string)r!["department"]!));
        Assert.Equal("PT4H", (string)active["routes"]![0]!["ackWithin"]!);
        Assert.Equal(["sales"], active["notify"].Strings());
        Assert.Equal(["rnd"], proposed["routes"]!.AsArray().Select(r => (string)r!["department"]!));
        Assert.Equal(draft, (int)proposed["version"]!);
        var rules = proposed["rules"]!.AsArray();
        Assert.Equal(15, rules.Count);
        Assert.True((bool)rules.Single(r => (string)r!["rule"]! == "SupplyProblemToLogistics")!["matched"]!);
        Assert.False((bool)rules.Single(r => (string)r!["rule"]! == "DesignFlawToRnd")!["matched"]!);
        Assert.Equal(reportsBefore, await fixture.WithStoreAsync(db => db.Reports.CountAsync()));
    }

    [Fact]
    public async Task Simulate_refuses_an_invalid_report_and_an_unknown_version()
    {
        var invalid = await client.PostAsJsonAsync("/api/rules/simulate", new JsonObject { ["report"] = Reports.Valid().Without("title") });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.NotNull(JsonNode.Parse(await invalid.Content.ReadAsStringAsync())!["errors"]!["report.title"]);

        var unknown = await client.PostAsJsonAsync("/api/rules/simulate", new JsonObject { ["report"] = Reports.Valid(), ["version"] = 999 });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Replay_lists_the_stored_reports_a_draft_would_route_differently()
    {
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var from = fixture.Clock.GetUtcNow();
        var supply = await client.SubmitAsync(Reports.Valid("supply"));
        var quality = await client.SubmitAsync(Reports.Valid("quality"));
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var draft = await client.DraftAsync(Rulesets.SupplyToRnd());

        var response = await client.PostAsync($"/api/rules/versions/{draft}/replay?from={Uri.EscapeDataString(from.ToString("O"))}" +
            $"&to={Uri.EscapeDataString(fixture.Clock.GetUtcNow().ToString("O"))}", null);
        var replay = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (int)replay["reports"]!);
        var change = replay["changes"]!.AsArray().Single()!;
        Assert.Equal((string)supply["reportId"]!, (string)change["reportId"]!);
        Assert.Equal(["logistics"], change["current"].Strings());
        Assert.Equal(["rnd"], change["proposed"].Strings());
        Assert.NotEqual((string)quality["reportId"]!, (string)change["reportId"]!);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync($"/api/rules/versions/{draft}/replay?from=yesterday&to=now", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/rules/versions/999/replay?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z", null)).StatusCode);
    }

    async Task<JsonObject> SimulateAsync(JsonObject body)
    {
        var response = await client.PostAsJsonAsync("/api/rules/simulate", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"simulate: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}

public sealed class RulesAdminOnSqlite(SqliteFixture fixture) : RulesAdminTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RulesAdminOnPostgres(PostgresFixture fixture) : RulesAdminTests(fixture), IClassFixture<PostgresFixture>;
