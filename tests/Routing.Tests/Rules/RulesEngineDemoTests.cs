using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// RulesEngine's own demo workflows (demo/DemoApp/Workflows/Discount.json and
/// NestedInputDemo.json in microsoft/RulesEngine) in their shapes — SuccessMessage, ErrorType,
/// ErrorMessage, RuleExpressionType, `AND`, `=`, an indexer, nested rules joined by OrElse and
/// by AndAlso — with RulesEngine's documented LocalParams, GlobalParams, SuccessEvent and
/// Enabled, over reports instead of discounts: published, then a report routed by them, with
/// each route's reason in the receipt, the simulation and the history.
public abstract class RulesEngineDemoTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    static JsonObject DemoRuleset()
    {
        var draft = Rulesets.ShippedDraft();
        var routing = draft["workflows"]!.AsArray().Single(w => (string)w!["WorkflowName"]! == "Routing")!.AsObject();
        routing["GlobalParams"] = JsonNode.Parse("""[ { "Name": "region", "Expression": "report.Segment.Region.ToUpper()" } ]""");
        foreach (var rule in JsonNode.Parse("""
            [
              { "RuleName": "WinterRecallToStrategy",
                "SuccessMessage": "10", "ErrorMessage": "One or more adjust rules failed.", "ErrorType": "Error",
                "RuleExpressionType": "LambdaExpression", "SuccessEvent": "critical quality defect in January",
                "Expression": "report.Category == \"quality\" AND report.Severity == \"critical\" AND report.Segment.Months.Count > 1 AND report.Segment.Months[0] == 1",
                "Properties": { "department": "strategy" } },
              { "RuleName": "ColdNorthToSales",
                "SuccessMessage": "30", "ErrorMessage": "One or more adjust rules failed.", "ErrorType": "Error",
                "Operator": "OrElse",
                "Rules": [
                  { "RuleName": "SoldInMichigan", "ErrorMessage": "One or more adjust rules failed.", "ErrorType": "Error",
                    "RuleExpressionType": "LambdaExpression", "SuccessEvent": "sold in Michigan", "Expression": "region = \"MICHIGAN\"" },
                  { "RuleName": "OrManyReports", "ErrorMessage": "One or more adjust rules failed.", "ErrorType": "Error",
                    "RuleExpressionType": "LambdaExpression", "SuccessEvent": "over 1,000 reports", "Expression": "report.ReportCount > 1000" } ],
                "Properties": { "department": "sales" } },
              { "RuleName": "WidespreadCriticalToRnd",
                "SuccessMessage": "35", "ErrorMessage": "One or more adjust rules failed.", "ErrorType": "Error",
                "Operator": "AndAlso", "SuccessEvent": "widespread failure of a critical product",
                "LocalParams": [ { "Name": "percentFailing", "Expression": "report.FailureRate * 100" } ],
                "Rules": [
                  { "RuleName": "IsCritical", "ErrorType": "Error", "RuleExpressionType": "LambdaExpression", "Expression": "report.Severity == \"critical\"" },
                  { "RuleName": "AndFailingOften", "ErrorType": "Error", "RuleExpressionType": "LambdaExpression", "Expression": "percentFailing >= 5" },
                  { "RuleName": "AndManyUnits", "ErrorType": "Error", "RuleExpressionType": "LambdaExpression",
                    "Expression": "report.AffectedUnits > 100 AND report.UnitsSold >= 1000" } ],
                "Properties": { "department": "rnd" } },
              { "RuleName": "RetiredVendorRule", "Enabled": false, "Expression": "true", "Properties": { "department": "vendors" } }
            ]
            """)!.AsArray().ToList())
            draft.RoutingRules().Add(rule!.DeepClone());
        return draft;
    }

    // Months are stored in order: [1, 11, 12].
    static JsonObject WinterRecall() => Reports.Valid("quality", "critical")
        .With("segment.region", "Michigan")
        .With("segment.months", new JsonArray(11, 12, 1))
        .With("unitsSold", 1000)
        .With("affectedUnits", 200);

    [Fact]
    public async Task RulesEngines_demo_shapes_route_a_report_and_each_route_says_why()
    {
        await client.PublishAsync(await client.DraftAsync(DemoRuleset()));

        var receipt = await client.SubmitAsync(WinterRecall());

        Assert.Equal(["manufacturing", "rnd", "sales", "strategy"], receipt.Departments());
        Assert.Equal("critical quality defect in January", (string?)receipt.Item("strategy")["reason"]);
        // The OrElse has no SuccessEvent of its own: the nested rule that matched says why.
        Assert.Equal("sold in Michigan", (string?)receipt.Item("sales")["reason"]);
        // SeasonalQualityDefectToRnd routes there too, without a SuccessEvent.
        Assert.Equal("widespread failure of a critical product", (string?)receipt.Item("rnd")["reason"]);
        Assert.Null(receipt.Item("manufacturing")["reason"]);

        var reportId = Guid.Parse((string)receipt["reportId"]!);
        var history = await fixture.WithStoreAsync(db => db.History.Where(e => e.ReportId == reportId).Select(e => new { e.Kind, e.Department, e.Data }).ToListAsync());
        var routed = JsonNode.Parse(history.Single(e => e.Kind == HistoryKinds.ReportRouted).Data)!;
        Assert.Equal("sold in Michigan", (string?)routed["routes"]!.AsArray().Single(r => (string)r!["department"]! == "sales")!["reason"]);
        Assert.Null(routed["routes"]!.AsArray().Single(r => (string)r!["department"]! == "manufacturing")!["reason"]);
        var opened = JsonNode.Parse(history.Single(e => e.Kind == HistoryKinds.WorkItemRouted && e.Department == "strategy").Data)!;
        Assert.Equal("critical quality defect in January", (string?)opened["reason"]);

        await client.PublishAsync(1);
    }

    [Fact]
    public async Task Simulate_shows_each_routes_reason_nested_outcomes_and_a_skipped_rule()
    {
        var version = await client.DraftAsync(DemoRuleset());

        var response = await client.PostAsJsonAsync("/api/rules/simulate", new JsonObject { ["report"] = WinterRecall(), ["version"] = version });

        var simulated = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var routes = simulated["routes"]!.AsArray();
        Assert.Equal("sold in Michigan", (string?)routes.Single(r => (string)r!["department"]! == "sales")!["reason"]);
        var rules = simulated["rules"]!.AsArray();
        var retired = rules.Single(r => (string)r!["rule"]! == "RetiredVendorRule")!;
        Assert.False((bool)retired["enabled"]!);
        Assert.False((bool)retired["matched"]!);
        var coldNorth = rules.Single(r => (string)r!["rule"]! == "ColdNorthToSales")!;
        Assert.Equal("sold in Michigan", (string?)coldNorth["reason"]);
        Assert.Equal([("SoldInMichigan", true), ("OrManyReports", false)],
            coldNorth["rules"]!.AsArray().Select(r => ((string)r!["rule"]!, (bool)r["matched"]!)));
        Assert.DoesNotContain(routes, r => (string)r!["department"]! == "vendors");
    }
}

public sealed class RulesEngineDemoOnSqlite(SqliteFixture fixture) : RulesEngineDemoTests(fixture), IClassFixture<SqliteFixture>;

public sealed class RulesEngineDemoOnPostgres(PostgresFixture fixture) : RulesEngineDemoTests(fixture), IClassFixture<PostgresFixture>;
