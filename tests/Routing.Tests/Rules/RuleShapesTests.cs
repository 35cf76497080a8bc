using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// Rules in the shapes RulesEngine's own README and demo use are read as RulesEngine reads
/// them; shapes RulesEngine refuses are a 422 naming the rule, never a 500.
public abstract class RuleShapesTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    // As in RulesEngine's README (GiveDiscount10/20): SuccessEvent, ErrorMessage, RuleExpressionType, AND.
    static JsonObject DemoRule(string name, string expression, string department) => new()
    {
        ["RuleName"] = name,
        ["SuccessEvent"] = "10",
        ["ErrorMessage"] = "One or more adjust rules failed.",
        ["RuleExpressionType"] = "LambdaExpression",
        ["Expression"] = expression,
        ["Properties"] = new JsonObject { ["department"] = department },
    };

    async Task<JsonNode> RoutedEventAsync(JsonObject receipt)
    {
        var reportId = Guid.Parse((string)receipt["reportId"]!);
        var routed = await fixture.WithStoreAsync(db => db.History.SingleAsync(e => e.ReportId == reportId && e.Kind == HistoryKinds.ReportRouted));
        return JsonNode.Parse(routed.Data)!;
    }

    [Fact]
    public async Task Rules_with_an_ErrorMessage_are_accepted_and_a_report_they_do_not_match_is_not_sent_to_triage()
    {
        var draft = Rulesets.ShippedDraft();
        draft.RoutingRules().Add(DemoRule("CriticalQualityToStrategy", "report.Category == \"quality\" AND report.Severity == \"critical\"", "strategy"));
        draft.RoutingRules().Add(DemoRule("HugeRecallToStrategy", "report.AffectedUnits >= 100000 AND report.FailureRate >= 0.5", "strategy"));
        // Fine for most reports, but divides by zero when units were sold and none is affected.
        draft.RoutingRules().Add(DemoRule("SoldPerAffectedToRnd", "report.UnitsSold > 0 AND report.UnitsSold / report.AffectedUnits > 10", "rnd"));
        var version = await client.DraftAsync(draft);
        await client.PublishAsync(version);

        var unmatched = await client.SubmitAsync(Reports.Valid("supply").With("unitsSold", 1000).With("affectedUnits", 500));
        var matched = await client.SubmitAsync(Reports.Valid("quality", "critical"));
        var throwing = await client.SubmitAsync(Reports.Valid("supply").With("unitsSold", 1000).With("affectedUnits", 0));

        Assert.Equal(["logistics"], unmatched.Departments());
        Assert.Empty((await RoutedEventAsync(unmatched))["ruleFailures"]!.AsArray());
        Assert.Equal(["manufacturing", "strategy"], matched.Departments().Order());
        Assert.Equal(["logistics", "triage"], throwing.Departments());
        var failure = (await RoutedEventAsync(throwing))["ruleFailures"]!.AsArray().Single()!;
        Assert.Equal("SoldPerAffectedToRnd", (string)failure["rule"]!);
        Assert.Contains("divide by zero", (string)failure["error"]!, StringComparison.OrdinalIgnoreCase);

        var simulated = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/rules/simulate",
            new JsonObject { ["report"] = Reports.Valid("supply") })).Content.ReadAsStringAsync())!;
        var demo = simulated["rules"]!.AsArray().Single(r => (string)r!["rule"]! == "HugeRecallToStrategy")!;
        Assert.False((bool)demo["matched"]!);
        Assert.Null(demo["error"]);
        Assert.Equal(["logistics"], simulated["routes"]!.AsArray().Select(r => (string)r!["department"]!));
    }

    [Fact]
    public async Task A_leaf_rule_with_an_Operator_is_422_naming_the_rule()
    {
        var draft = Rulesets.ShippedDraft();
        draft.Rule("SupplyProblemToLogistics")["Operator"] = "And";
        draft.Rule("DesignFlawToRnd")["Operator"] = "Xor";

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(["DesignFlawToRnd", "SupplyProblemToLogistics"],
            problem["ruleErrors"]!.AsArray().Select(e => (string)e!["rule"]!).Distinct().Order());
        Assert.Contains("Xor", problem["errors"]!["DesignFlawToRnd"]!.ToJsonString());
    }

    [Fact]
    public async Task A_workflow_without_rules_is_422_naming_it()
    {
        var draft = Rulesets.ShippedDraft();
        draft.RoutingRules().Clear();

        var response = await client.PostAsJsonAsync("/api/rules/versions", draft);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(problem["ruleErrors"]!.AsArray(), e => (string)e!["rule"]! == "Routing");
    }
}

public sealed class RuleShapesTestsOnSqlite(SqliteFixture fixture) : RuleShapesTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RuleShapesTestsOnPostgres(PostgresFixture fixture) : RuleShapesTests(fixture), IClassFixture<PostgresFixture>;
