using System.Net.Http.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Routing.Engine.Reports;
using Routing.Rules;
using Routing.Rules.Rulesets;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

public sealed class ShippedRulesTests
{
    static string RulesFolder => Path.Combine(AppContext.BaseDirectory, "rules");

    [Fact]
    public async Task Report_no_rule_matches_goes_to_triage_with_the_band_sla()
    {
        var workflows = """
            [ { "WorkflowName": "Routing", "Rules": [ { "RuleName": "OnlyDesign", "Expression": "report.Category == \"design\"", "Properties": { "department": "rnd" } } ] },
              { "WorkflowName": "Priority", "Rules": [ { "RuleName": "Everything", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "P2D", "resolveWithin": "P14D" } } ] } ]
            """;
        var departments = """[ { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "triage", "name": "Triage", "kind": "triage" } ]""";

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(7, workflows, departments);
        Assert.Empty(errors);
        var decision = await ruleset!.RouteAsync(new ReportFacts { Category = "supply", Severity = "low" }, NullLogger.Instance);

        var route = Assert.Single(decision.Routes);
        Assert.Equal("triage", route.Department);
        Assert.Equal("P3", route.Priority);
        Assert.Equal(TimeSpan.FromDays(2), route.AckWithin);
        Assert.Empty(route.MatchedRules);
        Assert.Equal(7, decision.RulesetVersion);
    }

    [Fact]
    public async Task A_workflow_Routing_never_evaluates_is_refused_with_the_reason()
    {
        var workflows = """
            [ { "WorkflowName": "Routing", "Rules": [ { "RuleName": "OnlyDesign", "Expression": "report.Category == \"design\"", "Properties": { "department": "rnd" } } ] },
              { "WorkflowName": "Priority", "Rules": [ { "RuleName": "Everything", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "P2D", "resolveWithin": "P14D" } } ] },
              { "WorkflowName": "Discount", "Rules": [ { "RuleName": "Loyal", "Expression": "true" } ] } ]
            """;
        var departments = """[ { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "triage", "name": "Triage", "kind": "triage" } ]""";

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(7, workflows, departments);

        Assert.Null(ruleset);
        var error = Assert.Single(errors);
        Assert.Equal("Discount", error.Rule);
        Assert.Contains("would never run", error.Message);
    }

    [Fact]
    public async Task Shipped_rules_are_valid()
    {
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1,
            TestRules.PartJson(Path.Combine(RulesFolder, RulesOptions.WorkflowsFile)),
            TestRules.PartJson(Path.Combine(RulesFolder, RulesOptions.DepartmentsFile)),
            lifecyclesJson: TestRules.PartJson(Path.Combine(RulesFolder, RulesOptions.LifecyclesFile)));
        Assert.Empty(errors);
        Assert.NotNull(ruleset);
    }

    [Fact]
    public async Task A_rules_folder_of_bare_arrays_as_written_before_seeds_version_1_as_the_shipped_files_do()
    {
        var folder = Directory.CreateTempSubdirectory("routing-rules-").FullName;
        foreach (var file in new[] { RulesOptions.WorkflowsFile, RulesOptions.DepartmentsFile, RulesOptions.LifecyclesFile, RulesOptions.CalendarsFile })
            File.WriteAllText(Path.Combine(folder, file), TestRules.PartJson(Path.Combine(RulesFolder, file)));
        await using var shippedStore = TestStore.Sqlite();
        await using var bareStore = TestStore.Sqlite();
        await using var shipped = new RoutingApplication(shippedStore, new FakeTimeProvider(RoutingFixture.Start), RulesFolder);
        await using var bare = new RoutingApplication(bareStore, new FakeTimeProvider(RoutingFixture.Start), folder);

        var fromShipped = await shipped.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/rules");
        var fromBare = await bare.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/rules");

        Assert.Equal(1, (int)fromBare!["version"]!);
        foreach (var part in new[] { "workflows", "departments", "lifecycles", "calendars" })
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(fromShipped![part], fromBare[part]), part);
        Assert.NotEmpty(fromBare["calendars"]!.AsArray());
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_rule_that_does_not_compile_stops_start_up_naming_the_rule()
    {
        var folder = Directory.CreateTempSubdirectory("routing-rules-").FullName;
        File.Copy(Path.Combine(RulesFolder, RulesOptions.DepartmentsFile), Path.Combine(folder, RulesOptions.DepartmentsFile));
        File.Copy(Path.Combine(RulesFolder, RulesOptions.LifecyclesFile), Path.Combine(folder, RulesOptions.LifecyclesFile));
        var broken = TestRules.PartJson(Path.Combine(RulesFolder, RulesOptions.WorkflowsFile))
            .Replace("report.Category == \\\"supply\\\"", "report.Categroy == \\\"supply\\\"");
        File.WriteAllText(Path.Combine(folder, RulesOptions.WorkflowsFile), broken);
        await using var store = TestStore.Sqlite();
        await using var app = new RoutingApplication(store, new FakeTimeProvider(RoutingFixture.Start), folder);

        Assert.Contains("SupplyProblemToLogistics", app.WhyStartFails());
        Directory.Delete(folder, recursive: true);
    }
}
