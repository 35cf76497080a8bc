using Routing.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Tests.Rules;

/// A rule's cost is bounded before it is stored: nested loops over the report's lists and
/// strings, with or without `=>`, multiply, so their nesting and size are limited; the rules
/// are timed on the largest report there can be; and routing a report stops waiting at a budget.
public sealed class RuleCostTests
{
    const string Departments = """[ { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "triage", "name": "Triage", "kind": "triage" } ]""";

    static string WorkflowsWith(string expression) => $$"""
        [ { "WorkflowName": "Routing", "Rules": [ { "RuleName": "Probe", "Expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}}, "Properties": { "department": "rnd" } } ] },
          { "WorkflowName": "Priority", "Rules": [ { "RuleName": "Band", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "P2D", "resolveWithin": "P14D" } } ] } ]
        """;

    static string Nested(string list, int levels) =>
        string.Concat(Enumerable.Repeat($"{list}.Any(", levels)) + "it > 0" + new string(')', levels);

    [Fact]
    public async Task Eight_implicit_nested_Any_is_refused_naming_the_rule()
    {
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1, WorkflowsWith(Nested("report.Segment.Months", 8)), Departments);

        Assert.Null(ruleset);
        var error = Assert.Single(errors);
        Assert.Equal("Probe", error.Rule);
        Assert.Contains("nest", error.Message);
    }

    [Theory]
    // Three loops over 200-character strings, without one `=>`.
    [InlineData("report.Title.Any(report.Product.Any(report.Segment.Region.Any(true)))")]
    // Two loops whose body scans a string: 200 × 200 × 200.
    [InlineData("report.Title.Any(a => report.Product.Any(b => report.Segment.Region.Contains(\"x\")))")]
    [InlineData("report.Title.Where(it == 'a').Select(report.Product).Any(it.Any(c => report.Vendor.IndexOf(c) > 0))")]
    // Nested deeper than any rule needs.
    [InlineData("report.ReportCount > 0 && ((((((((((((((((((((((((((((((((((((((((true))))))))))))))))))))))))))))))))))))))))")]
    public async Task Expressions_whose_cost_multiplies_are_refused_naming_the_rule(string expression)
    {
        var (_, errors) = await RulesetCompiler.CompileAsync(1, WorkflowsWith(expression), Departments);

        Assert.Equal("Probe", Assert.Single(errors).Rule);
    }

    [Fact]
    public async Task Deeply_repeated_negation_is_refused_without_crashing()
    {
        var expression = string.Concat(Enumerable.Repeat("!", 1_900)) + "true";

        var (_, errors) = await RulesetCompiler.CompileAsync(1, WorkflowsWith(expression), Departments);

        Assert.Equal("Probe", Assert.Single(errors).Rule);
    }

    [Theory]
    [InlineData("report.Segment.Months.Any(m => m >= 11) && report.Title.ToLower().Contains(\"heater\")")]
    [InlineData("report.Segment.Months.Any(report.Segment.Months.Any(it > 3))")]
    [InlineData("report.Title.Any(a => report.Product.Any(b => a == b))")]
    [InlineData("report.Title.Count(it == 'a') > 3 || report.Segment.Months.Where(it > 10).Sum() > 20")]
    public async Task Rules_of_ordinary_cost_are_accepted(string expression)
    {
        var (_, errors) = await RulesetCompiler.CompileAsync(1, WorkflowsWith(expression), Departments);

        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_thousand_rules_of_the_benchmark_s_shape_pass_the_timing_on_the_largest_report()
    {
        // As bench/Routing.Bench/GeneratedRules.cs grows the shipped rules.
        var workflows = TestRules.Part(Path.Combine(AppContext.BaseDirectory, "rules", "routing.json"));
        var routing = workflows.Single(w => (string)w!["WorkflowName"]! == "Routing")!["Rules"]!.AsArray();
        string[] categories = ["quality", "supply", "design", "marketing", "sales-conduct", "pricing", "policy", "third-party"];
        for (var i = 0; routing.Count < 1_000; i++)
            routing.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["RuleName"] = $"Generated{i}",
                ["Expression"] = $"report.Category == \"{categories[i % categories.Length]}\" && report.Product.Contains(\"model-{i}\") " +
                                 $"&& report.Segment.Months.Any(m => m == {i % 12 + 1})",
                ["Properties"] = new System.Text.Json.Nodes.JsonObject { ["department"] = "rnd" },
            });

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1, workflows.ToJsonString(),
            TestRules.PartJson(Path.Combine(AppContext.BaseDirectory, "rules", "departments.json")),
            lifecyclesJson: TestRules.PartJson(Path.Combine(AppContext.BaseDirectory, "rules", "lifecycles.json")));

        Assert.Empty(errors);
        Assert.NotNull(ruleset);
    }

    [Fact]
    public async Task A_rule_over_the_budget_on_the_largest_report_is_refused_naming_it()
    {
        var workflows = WorkflowsWith("report.Title.Any(a => report.Product.Any(b => a == b))");

        var (accepted, _) = await RulesetCompiler.CompileAsync(1, workflows, Departments);
        var (refused, errors) = await RulesetCompiler.CompileAsync(1, workflows, Departments, sampleBudget: TimeSpan.Zero);

        Assert.NotNull(accepted);
        Assert.Null(refused);
        Assert.Contains(errors, e => e.Rule == "Probe" && e.Message.Contains("largest report"));
    }

    [Fact]
    public async Task Routing_over_its_budget_goes_to_triage_with_the_reason()
    {
        var (ruleset, _) = await RulesetCompiler.CompileAsync(1, WorkflowsWith("report.Category == \"design\""), Departments);

        var decision = await ruleset!.RouteAsync(new ReportFacts { Category = "design" }, NullLogger.Instance, CancellationToken.None, budget: TimeSpan.Zero);

        Assert.Contains(decision.Routes, r => r.Department == "triage");
        Assert.Contains("budget", Assert.Single(decision.RuleFailures).Error);
    }

    [Fact]
    public async Task A_cancelled_request_stops_waiting_for_the_rules()
    {
        var (ruleset, _) = await RulesetCompiler.CompileAsync(1, WorkflowsWith("report.Category == \"design\""), Departments);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ruleset!.EvaluateAsync(new ReportFacts { Category = "design" }, NullLogger.Instance, new CancellationToken(canceled: true)));
    }
}
