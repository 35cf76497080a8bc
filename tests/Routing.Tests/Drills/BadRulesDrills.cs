using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Routing.Rules;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Drills;

/// Invalid, hostile and throwing rulesets never stop intake or replace the rules in force.
public abstract class BadRulesDrills(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Invalid_or_hostile_rulesets_cannot_be_published_and_the_active_one_stays_in_force()
    {
        var active = (int)(await client.GetJsonAsync("/api/rules"))["version"]!;
        var broken = Rulesets.ShippedDraft();
        broken.Rule("OtherToTriage")["Expression"] = "report.Category == (";
        var hostile = Rulesets.ShippedDraft();
        hostile.Rule("OtherToTriage")["Expression"] = "report.GetType().Assembly.GetTypes().Length > 0";

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync("/api/rules/versions", broken)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.PostAsJsonAsync("/api/rules/versions", hostile)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/rules/versions/{active + 1000}/publish", null)).StatusCode);
        // Eight nested loops over the months with the implicit `it`: 12^8 steps, 13.8 s per report.
        var bomb = Rulesets.ShippedDraft();
        bomb.Rule("OtherToTriage")["Expression"] = string.Concat(Enumerable.Repeat("report.Segment.Months.Any(", 8)) + "it > 0" + new string(')', 8);
        var refused = await client.PostAsJsonAsync("/api/rules/versions", bomb);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]!["OtherToTriage"]);

        Assert.Equal(active, (int)(await client.GetJsonAsync("/api/rules"))["version"]!);
        var receipt = await client.SubmitAsync(Reports.Valid("supply"));
        Assert.Equal(active, (int)receipt["rulesetVersion"]!);
        Assert.Equal(["logistics"], receipt.Departments());
    }

    [Fact]
    public async Task A_rule_that_throws_for_one_report_sends_it_to_triage_with_the_error_in_its_history()
    {
        var draft = Rulesets.ShippedDraft();
        // Compiles, passes the check on an empty report, and is fine for most reports, but
        // divides by zero when units were sold and none is affected.
        draft.RoutingRules().Add(new JsonObject
        {
            ["RuleName"] = "SoldPerAffectedToRnd",
            ["Expression"] = "report.UnitsSold > 0 && report.UnitsSold / report.AffectedUnits > 10",
            ["Properties"] = new JsonObject { ["department"] = "rnd" },
        });
        await client.PublishAsync(await client.DraftAsync(draft));

        var fine = await client.SubmitAsync(Reports.Valid("supply").With("unitsSold", 1000).With("affectedUnits", 100));
        var throwing = await client.SubmitAsync(Reports.Valid("supply").With("unitsSold", 1000).With("affectedUnits", 0));

        Assert.Equal(["logistics"], fine.Departments());
        Assert.Equal(["logistics", "triage"], throwing.Departments());
        var reportId = Guid.Parse((string)throwing["reportId"]!);
        var routed = await fixture.WithStoreAsync(db =>
            db.History.SingleAsync(e => e.ReportId == reportId && e.Kind == HistoryKinds.ReportRouted));
        var failure = JsonNode.Parse(routed.Data)!["ruleFailures"]!.AsArray().Single()!;
        Assert.Equal("SoldPerAffectedToRnd", (string)failure["rule"]!);
        Assert.Contains("divide by zero", (string)failure["error"]!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rules_over_their_time_budget_send_the_report_to_triage_with_the_reason_in_its_history()
    {
        // A zero budget stands for rules that take too long: intake must not wait for them.
        var options = fixture.App.Services.GetRequiredService<IOptions<RulesOptions>>().Value;
        var budget = options.EvaluationBudget;
        options.EvaluationBudget = TimeSpan.Zero;
        JsonObject receipt;
        try
        {
            receipt = await client.SubmitAsync(Reports.Valid("supply"));
        }
        finally
        {
            options.EvaluationBudget = budget;
        }

        Assert.Contains("triage", receipt.Departments());
        var reportId = Guid.Parse((string)receipt["reportId"]!);
        var routed = await fixture.WithStoreAsync(db =>
            db.History.SingleAsync(e => e.ReportId == reportId && e.Kind == HistoryKinds.ReportRouted));
        var failure = JsonNode.Parse(routed.Data)!["ruleFailures"]!.AsArray().Single()!;
        Assert.Contains("took longer than", (string)failure["error"]!);
        Assert.Equal(["logistics"], (await client.SubmitAsync(Reports.Valid("supply"))).Departments());
    }
}

public sealed class BadRulesDrillsOnSqlite(SqliteFixture fixture) : BadRulesDrills(fixture), IClassFixture<SqliteFixture>;

public sealed class BadRulesDrillsOnPostgres(PostgresFixture fixture) : BadRulesDrills(fixture), IClassFixture<PostgresFixture>;
