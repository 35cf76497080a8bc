using Microsoft.Extensions.Logging.Abstractions;
using RulesEngine.Models;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Tests.Rules;

/// A report is evaluated only against the rules its category can match; leaving the
/// others out must never change what matched, what failed, or where the report goes.
public sealed class RulesByCategoryTests
{
    const string Workflows = """
        [ { "WorkflowName": "Routing", "Rules": [
              { "RuleName": "QualityInBulk", "Expression": "report.Category == \"quality\" && report.ReportCount > 10", "Properties": { "department": "manufacturing" } },
              { "RuleName": "ConstantFirst", "Expression": "\"supply\" == report.Category", "Properties": { "department": "logistics" } },
              { "RuleName": "EitherCategory", "Expression": "(report.Category == \"design\" || report.Category == \"quality\") && report.Segment.IsSeasonal", "Properties": { "department": "rnd" } },
              { "RuleName": "CategoryNotFirst", "Expression": "report.Severity == \"critical\" && report.Category == \"pricing\"", "Properties": { "department": "strategy" } },
              { "RuleName": "VendorOrCategory", "Expression": "report.HasVendor || report.Category == \"third-party\"", "Properties": { "department": "vendors" } },
              { "RuleName": "ThrowsForMarketing", "Expression": "report.Category == \"marketing\" && 100 / report.ReportCount > 1", "Properties": { "department": "marketing" } },
              { "RuleName": "ThrowsUnlessPolicy", "Expression": "report.Category == \"policy\" || 10 / (report.ReportCount - 5) > 0", "Properties": { "department": "strategy" } } ] },
          { "WorkflowName": "Priority", "Rules": [
              { "RuleName": "Critical", "Expression": "report.Severity == \"critical\"", "Properties": { "priority": "P1", "ackWithin": "PT4H", "resolveWithin": "P3D" } },
              { "RuleName": "ManyQualityReports", "Expression": "report.Category == \"quality\" && report.ReportCount >= 100", "Properties": { "priority": "P2", "ackWithin": "P1D", "resolveWithin": "P7D" } } ] } ]
        """;

    const string Departments = """
        [ { "id": "manufacturing", "name": "Manufacturing", "kind": "internal" }, { "id": "logistics", "name": "Logistics", "kind": "internal" },
          { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "strategy", "name": "Strategy", "kind": "internal" },
          { "id": "vendors", "name": "Vendors", "kind": "internal" }, { "id": "marketing", "name": "Marketing", "kind": "internal" },
          { "id": "triage", "name": "Triage", "kind": "triage" } ]
        """;

    [Fact]
    public async Task Every_report_gets_the_outcomes_of_evaluating_every_rule()
    {
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1, Workflows, Departments);
        Assert.Empty(errors);
        // The reference: RulesEngine on the ruleset's own workflows, every rule evaluated.
        var everyRule = new RulesEngine.RulesEngine(
            System.Text.Json.JsonSerializer.Deserialize<Workflow[]>(Workflows)!, RulesEngineSettings.Restricted);

        var reports =
            from category in ReportCategories.All.Append("unknown").Append("")
            from severity in new[] { "low", "critical" }
            from count in new[] { 0, 5, 11, 150 }
            from vendor in new[] { "", "acme" }
            from months in new List<int>[] { [], [1, 2] }
            select new ReportFacts { Category = category, Severity = severity, ReportCount = count, Vendor = vendor, Segment = new() { Months = months } };
        foreach (var report in reports)
        {
            var parameter = new RuleParameter(RoutingWorkflows.ReportParameter, report);
            var expected = (await everyRule.ExecuteAllRulesAsync("Priority", parameter)).Select(r => ("Priority", r))
                .Concat((await everyRule.ExecuteAllRulesAsync("Routing", parameter)).Select(r => ("Routing", r)))
                .Select(x => new RuleOutcome(x.Item1, x.r.Rule.RuleName, x.r.IsSuccess, string.IsNullOrEmpty(x.r.ExceptionMessage) ? null : x.r.ExceptionMessage))
                .ToList();

            var evaluation = await ruleset!.EvaluateAsync(report, NullLogger.Instance);

            Assert.Equal(expected, evaluation.Rules);
        }
    }

    [Fact]
    public async Task A_rule_that_fails_after_its_category_test_fails_only_for_that_category()
    {
        var (ruleset, _) = await RulesetCompiler.CompileAsync(1, Workflows, Departments);

        var marketing = await ruleset!.RouteAsync(new ReportFacts { Category = "marketing", ReportCount = 0 }, NullLogger.Instance);
        var supply = await ruleset.RouteAsync(new ReportFacts { Category = "supply", ReportCount = 0 }, NullLogger.Instance);

        Assert.Equal(["ThrowsForMarketing"], marketing.RuleFailures.Select(f => f.Rule));
        Assert.Contains(marketing.Routes, r => r.Department == "triage");
        Assert.Empty(supply.RuleFailures);
        Assert.Equal(["logistics"], supply.Routes.Select(r => r.Department));
    }

    [Fact]
    public async Task An_expression_that_does_not_compile_is_reported_once_though_it_sits_with_several_categories()
    {
        var broken = Workflows.Replace("report.Category == \\\"pricing\\\"", "report.ReportCount == \\\"many\\\"");

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1, broken, Departments);

        Assert.Null(ruleset);
        var error = Assert.Single(errors);
        Assert.Equal("CategoryNotFirst", error.Rule);
        Assert.StartsWith("the expression does not compile", error.Message);
    }

    [Fact]
    public async Task A_workflow_without_a_name_is_an_error_not_a_crash()
    {
        var unnamed = Workflows.Replace("\"WorkflowName\": \"Priority\", ", "");

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1, unnamed, Departments);

        Assert.Null(ruleset);
        Assert.Contains(errors, e => e.Message == "every workflow needs a WorkflowName.");
    }
}
