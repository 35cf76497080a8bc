using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Tests.Rules;

/// RulesEngine's documented rule members, compiled as an admin following its docs writes
/// them: what works does what RulesEngine says, what cannot work here is refused with the
/// reason, and every expression anywhere is guarded like a rule's Expression.
public sealed class RulesEngineFeaturesTests
{
    const string Departments = """
        [ { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "sales", "name": "Sales", "kind": "internal" },
          { "id": "triage", "name": "Triage", "kind": "triage" } ]
        """;

    /// A ruleset whose Routing workflow has `rule` (JSON) and, optionally, `globals` (a GlobalParams array).
    static Task<(CompiledRuleset? Ruleset, IReadOnlyList<RuleError> Errors)> CompileWith(string rule, string? globals = null,
        string? routingMembers = null) =>
        RulesetCompiler.CompileAsync(1, $$"""
            [ { "WorkflowName": "Routing", {{(globals is null ? "" : $"\"GlobalParams\": {globals},")}} {{routingMembers}} "Rules": [ {{rule}} ] },
              { "WorkflowName": "Priority", "Rules": [ { "RuleName": "Band", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "P2D", "resolveWithin": "P14D" } } ] } ]
            """, Departments);

    static async Task<CompiledRuleset> Compiled(string rule, string? globals = null)
    {
        var (ruleset, errors) = await CompileWith(rule, globals);
        Assert.True(ruleset is not null, string.Join("\n", errors.Select(e => $"{e.Rule}: {e.Message}")));
        return ruleset;
    }

    static readonly ReportFacts WinterQuality = new()
    {
        Category = "quality", Severity = "high", Title = "Heater fails", UnitsSold = 1000, AffectedUnits = 40, FailureRate = 0.04,
        Segment = new SegmentFacts { Region = "Michigan", Months = [11, 12, 1] },
    };

    static string Reason(Routing.Engine.Intake.RoutingDecision decision, string department) =>
        decision.Routes.Single(r => r.Department == department).Reason!;

    [Theory]
    [InlineData("And")]
    [InlineData("AndAlso")]
    [InlineData("AND")]
    [InlineData("andalso")]
    [InlineData(" and ")]
    public async Task Nested_rules_joined_by_And_in_any_spelling_route_when_all_match(string op)
    {
        var ruleset = await Compiled($$"""
            { "RuleName": "WinterDefect", "Operator": "{{op}}", "SuccessEvent": "fails in winter",
              "Rules": [ { "RuleName": "IsQuality", "Expression": "report.Category == \"quality\"" },
                         { "RuleName": "InWinter", "Expression": "report.Segment.Months.Contains(12)" } ],
              "Properties": { "department": "rnd" } }
            """);

        var winter = await ruleset.RouteAsync(WinterQuality, NullLogger.Instance);
        var summer = await ruleset.RouteAsync(new ReportFacts { Category = "quality", Segment = new() { Months = [7] } }, NullLogger.Instance);

        Assert.Equal(["rnd"], winter.Routes.Select(r => r.Department));
        Assert.Empty(winter.RuleFailures);
        Assert.Equal("fails in winter", Reason(winter, "rnd"));
        Assert.Equal(["triage"], summer.Routes.Select(r => r.Department));
        Assert.Empty(summer.RuleFailures);
    }

    [Theory]
    [InlineData("Or")]
    [InlineData("OrElse")]
    [InlineData("OR")]
    [InlineData("orelse")]
    public async Task Nested_rules_joined_by_Or_route_when_one_matches_with_its_reason_when_the_parent_has_none(string op)
    {
        var ruleset = await Compiled($$"""
            { "RuleName": "SalesMatters", "Operator": "{{op}}",
              "Rules": [ { "RuleName": "ManyReports", "Expression": "report.ReportCount > 100", "SuccessEvent": "many reports" },
                         { "RuleName": "HighRate", "Expression": "report.FailureRate > 0.02", "SuccessEvent": "failure rate over 2%" } ],
              "Properties": { "department": "sales" } }
            """);

        var decision = await ruleset.RouteAsync(WinterQuality, NullLogger.Instance);

        Assert.Equal(["sales"], decision.Routes.Select(r => r.Department));
        Assert.Equal("failure rate over 2%", Reason(decision, "sales"));
    }

    [Fact]
    public async Task GlobalParams_and_LocalParams_are_names_their_rules_and_nested_rules_can_use()
    {
        var ruleset = await Compiled("""
            { "RuleName": "ColdRegionDefect", "Operator": "AndAlso", "SuccessEvent": "cold region",
              "LocalParams": [ { "Name": "winterMonths", "Expression": "report.Segment.Months.Count(m => m >= 11 || m <= 2)" } ],
              "Rules": [ { "RuleName": "Cold", "Expression": "coldRegion AND winterMonths >= 2" },
                         { "RuleName": "Defect", "LocalParams": [ { "Name": "rate", "Expression": "report.FailureRate * 100" } ],
                           "Expression": "isQuality && rate > 3" } ],
              "Properties": { "department": "rnd" } }
            """, """
            [ { "Name": "region", "Expression": "report.Segment.Region.ToLower()" },
              { "Name": "coldRegion", "Expression": "region == \"michigan\" || region == \"minnesota\"" },
              { "Name": "isQuality", "Expression": "report.Category = \"quality\"" } ]
            """);

        Assert.Equal(["rnd"], (await ruleset.RouteAsync(WinterQuality, NullLogger.Instance)).Routes.Select(r => r.Department));
        var texas = await ruleset.RouteAsync(new ReportFacts { Category = "quality", FailureRate = 0.04, Segment = new() { Region = "Texas", Months = [12, 1] } },
            NullLogger.Instance);
        Assert.Equal(["triage"], texas.Routes.Select(r => r.Department));
        Assert.Empty(texas.RuleFailures);
    }

    [Fact]
    public async Task A_rule_with_Enabled_false_is_skipped_and_simulate_says_so()
    {
        var ruleset = await Compiled("""
            { "RuleName": "Off", "Enabled": false, "Expression": "true", "Properties": { "department": "sales" } },
            { "RuleName": "On", "Enabled": true, "Expression": "true", "Properties": { "department": "rnd" } },
            { "RuleName": "Parent", "Operator": "Or", "Rules": [ { "RuleName": "OffChild", "Enabled": false, "Expression": "true" },
                                                               { "RuleName": "OnChild", "Expression": "false" } ],
              "Properties": { "department": "sales" } }
            """);

        var evaluation = await ruleset.EvaluateAsync(WinterQuality, NullLogger.Instance);

        Assert.Equal(["rnd"], evaluation.Decision.Routes.Select(r => r.Department));
        var off = evaluation.Rules.Single(r => r.Rule == "Off");
        Assert.False(off.Enabled);
        Assert.False(off.Matched);
        Assert.True(evaluation.Rules.Single(r => r.Rule == "On").Enabled);
        var parent = evaluation.Rules.Single(r => r.Rule == "Parent");
        Assert.Equal([("OffChild", false), ("OnChild", true)], parent.Rules!.Select(r => (r.Rule, r.Enabled)));
    }

    [Fact]
    public async Task Reasons_of_rules_routing_to_one_department_are_joined_and_a_rule_without_one_adds_none()
    {
        var ruleset = await Compiled("""
            { "RuleName": "A", "SuccessEvent": "quality defect", "Expression": "report.Category == \"quality\"", "Properties": { "department": "rnd" } },
            { "RuleName": "B", "Expression": "report.Severity == \"high\"", "Properties": { "department": "rnd" } },
            { "RuleName": "C", "SuccessEvent": "seasonal", "Expression": "report.Segment.IsSeasonal", "Properties": { "department": "rnd" } },
            { "RuleName": "D", "Expression": "true", "Properties": { "department": "sales" } }
            """);

        var decision = await ruleset.RouteAsync(WinterQuality, NullLogger.Instance);

        Assert.Equal("quality defect; seasonal", Reason(decision, "rnd"));
        Assert.Null(decision.Routes.Single(r => r.Department == "sales").Reason);
    }

    [Fact]
    public async Task A_nested_rule_that_throws_is_a_rule_failure_even_where_its_Or_matched()
    {
        var ruleset = await Compiled("""
            { "RuleName": "Parent", "Operator": "Or",
              "Rules": [ { "RuleName": "Divides", "Expression": "report.UnitsSold > 0 && report.UnitsSold / report.AffectedUnits > 10" },
                         { "RuleName": "Always", "Expression": "true" } ],
              "Properties": { "department": "rnd" } }
            """);

        var decision = await ruleset.RouteAsync(new ReportFacts { Category = "supply", UnitsSold = 10 }, NullLogger.Instance);

        Assert.Equal(["rnd", "triage"], decision.Routes.Select(r => r.Department));
        Assert.Equal("Parent", Assert.Single(decision.RuleFailures).Rule);
    }

    [Fact]
    public async Task The_example_in_the_rules_README_compiles_and_routes_with_its_reason()
    {
        var readme = File.ReadAllText(Path.Combine(Infrastructure.RepositoryFolder.Root, "rules", "README.md"));
        var example = Regex.Match(readme, "```json\n(\\{ \"WorkflowName\": \"Routing\",.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var routing = JsonNode.Parse(example)!;
        var priority = JsonNode.Parse("""{ "WorkflowName": "Priority", "Rules": [ { "RuleName": "Band", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "P2D", "resolveWithin": "P14D" } } ] }""");

        var (ruleset, errors) = await RulesetCompiler.CompileAsync(1, new JsonArray(routing, priority).ToJsonString(), Departments);

        Assert.Empty(errors);
        var decision = await ruleset!.RouteAsync(new ReportFacts { Severity = "critical", FailureRate = 0.2, Segment = new() { Region = "Ohio" } },
            NullLogger.Instance);
        Assert.Equal("widespread failure of a critical product", Reason(decision, "rnd"));
    }

    [Theory]
    // Members RulesEngine's demo files and docs give a rule, meaningless here.
    [InlineData("""{ "RuleName": "R", "SuccessMessage": "10", "ErrorType": "Error", "ErrorMessage": "One or more adjust rules failed.", "RuleExpressionType": "LambdaExpression", "Expression": "true", "Properties": { "department": "rnd" } }""")]
    [InlineData("""{ "RuleName": "R", "Operator": "OrElse", "SuccessMessage": "30", "Rules": [ { "RuleName": "C", "ErrorType": "Error", "SuccessMessage": "x", "Expression": "true" } ], "Properties": { "department": "rnd" } }""")]
    [InlineData("""{ "RuleName": "R", "Actions": null, "WorkflowsToInject": [], "LocalParams": [], "Expression": "true", "Properties": { "department": "rnd" } }""")]
    [InlineData("""{ "RuleName": "R", "Actions": { "OnSuccess": null, "OnFailure": null }, "Expression": "true", "Properties": { "department": "rnd" } }""")]
    public async Task Documented_members_are_accepted(string rule)
    {
        Assert.Empty((await CompileWith(rule, routingMembers: "\"RuleExpressionType\": \"LambdaExpression\", \"WorkflowsToInject\": [],")).Errors);
    }

    [Theory]
    // The expression keywords RulesEngine's docs and Dynamic LINQ use.
    [InlineData("report.Category == \"quality\" AND report.Severity == \"high\"")]
    [InlineData("report.Category == \"quality\" And Not report.HasVendor")]
    [InlineData("report.Category == \"x\" OR report.Category = \"quality\"")]
    [InlineData("report.Category <> \"supply\" && report.Severity != \"low\"")]
    [InlineData("IIF(report.UnitsSold > 0, report.AffectedUnits * 100 / report.UnitsSold, 0) >= 4")]
    [InlineData("report.Segment.Months.Count > 1 && report.Segment.Months[0] == 11")]
    [InlineData("report.Segment.Region.ToUpper() = \"MICHIGAN\" and report.Segment.Months.Any(it >= 11) == True")]
    public async Task Expression_keywords_of_RulesEngines_docs_work(string expression)
    {
        var ruleset = await Compiled($$"""{ "RuleName": "R", "Expression": {{JsonSerializer.Serialize(expression)}}, "Properties": { "department": "rnd" } }""");
        var decision = await ruleset.RouteAsync(WinterQuality, NullLogger.Instance);
        Assert.Equal(["rnd"], decision.Routes.Select(r => r.Department));
    }

    [Theory]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Actions": { "OnSuccess": { "Name": "OutputExpression", "Context": { "Expression": "report.UnitsSold * 0.9" } } }, "Properties": { "department": "rnd" } }""",
        "R", "Actions are not run: a route comes from the rule's Properties")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "Actions": { "OnFailure": { "Name": "EvaluateRule", "Context": { "WorkflowName": "Priority", "ruleName": "Band" } } }, "Properties": { "department": "rnd" } }""",
        "R", "runs other rules (EvaluateRule)")]
    [InlineData("""{ "RuleName": "R", "Expression": "true", "WorkflowsToInject": [ "Priority" ], "Properties": { "department": "rnd" } }""",
        "R", "WorkflowsToInject is not supported: Routing evaluates the Routing and Priority workflows only")]
    [InlineData("""{ "RuleName": "R", "Operator": "Xor", "Rules": [ { "RuleName": "C", "Expression": "true" } ], "Properties": { "department": "rnd" } }""",
        "R", "needs an Operator, one of And, AndAlso, Or, OrElse; 'Xor' is not one.")]
    [InlineData("""{ "RuleName": "R", "Rules": [ { "RuleName": "C", "Expression": "true" } ], "Properties": { "department": "rnd" } }""",
        "R", "a rule with nested Rules needs an Operator, one of And, AndAlso, Or, OrElse.")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Expression": "true", "Properties": { "department": "rnd" } }""",
        "R", "the Operator 'And' joins nested Rules, and this rule has none")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Expression": "false", "Rules": [ { "RuleName": "C", "Expression": "true" } ], "Properties": { "department": "rnd" } }""",
        "R", "RulesEngine would ignore its Expression")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Rules": [ { "RuleName": "C", "Expression": "true", "Properties": { "department": "sales" } } ], "Properties": { "department": "rnd" } }""",
        "R", "nested rule 'C': Properties of a nested rule are not read")]
    [InlineData("""{ "RuleName": "R", "Operator": "Or", "Rules": [ { "RuleName": "C", "Expression": "true", "SuccessEvent": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" } ], "Properties": { "department": "rnd" } }""",
        "R", "nested rule 'C': the SuccessEvent has more than 200 characters")]
    [InlineData("""{ "RuleName": "R", "Operator": "Or", "Rules": [ { "RuleName": "C", "Expression": "true" }, { "RuleName": "C", "Expression": "false" } ], "Properties": { "department": "rnd" } }""",
        "R", "two nested rules are named 'C'")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Rules": [ { "Expression": "true" } ], "Properties": { "department": "rnd" } }""",
        "R", "nested rule 1 needs a RuleName.")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Rules": [ { "RuleName": "C", "Operator": "AND", "Rules": [ { "RuleName": "D", "Expression": "File.Exists(\"/etc/passwd\")" } ] } ], "Properties": { "department": "rnd" } }""",
        "R", "nested rule 'C': nested rule 'D': uses 'File', 'Exists'")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "x", "Expression": "System.IO.File.ReadAllText(\"/etc/passwd\")" } ], "Expression": "x.Length > 0", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams 'x': uses 'System', 'IO', 'File', 'ReadAllText'")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "report", "Expression": "1" } ], "Expression": "true", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams 'report': the name already means something")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "Contains", "Expression": "1" } ], "Expression": "true", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams 'Contains': the name already means something")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "my param", "Expression": "1" } ], "Expression": "true", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams: 'my param' is not a name")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "G", "Expression": "1" } ], "Expression": "true", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams 'G' is declared already")]
    [InlineData("""{ "RuleName": "R", "Expression": "undeclared > 1", "Properties": { "department": "rnd" } }""",
        "R", "uses 'undeclared'")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "x", "Expression": "report.Title >" } ], "Expression": "x", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams 'x': the expression does not parse")]
    // A child's LocalParams are its own: its sibling cannot see them.
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Rules": [ { "RuleName": "C", "LocalParams": [ { "Name": "mine", "Expression": "1" } ], "Expression": "mine == 1" }, { "RuleName": "D", "Expression": "mine == 1" } ], "Properties": { "department": "rnd" } }""",
        "R", "nested rule 'D': uses 'mine'")]
    // A name's expression is measured as any: three loops nested, two allowed.
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "deep", "Expression": "report.Segment.Months.Any(a => report.Segment.Months.Any(b => report.Segment.Months.Any(c => a == b)))" } ], "Expression": "deep", "Properties": { "department": "rnd" } }""",
        "R", "LocalParams 'deep': the expression nests loops over lists or strings")]
    // A name's text is as long as it was built: 30 titles (6,000 characters) scanned in a loop over 200.
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "longText", "Expression": "report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title + report.Title" } ], "Expression": "report.Product.Any(c => longText.Contains(c))", "Properties": { "department": "rnd" } }""",
        "R", "the expression may take up to")]
    public async Task What_cannot_work_is_refused_with_the_reason(string rule, string named, string reason)
    {
        var (ruleset, errors) = await CompileWith(rule, """[ { "Name": "G", "Expression": "report.UnitsSold" } ]""");

        Assert.Null(ruleset);
        var error = Assert.Single(errors);
        Assert.Equal(named, error.Rule);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_nested_rule_that_does_not_compile_is_refused_though_the_Or_it_sits_in_matches()
    {
        var (ruleset, errors) = await CompileWith("""
            { "RuleName": "R", "Operator": "Or", "Rules": [ { "RuleName": "C", "Expression": "report.Title > 3" }, { "RuleName": "D", "Expression": "true" } ],
              "Properties": { "department": "rnd" } }
            """);

        Assert.Null(ruleset);
        var error = Assert.Single(errors);
        Assert.Equal("R", error.Rule);
        Assert.Contains("the expression does not compile", error.Message);
        Assert.Contains("C", error.Message);
    }

    [Fact]
    public async Task A_name_refused_is_not_refused_again_where_it_is_used()
    {
        var (_, errors) = await CompileWith("""
            { "RuleName": "R", "LocalParams": [ { "Name": "x", "Expression": "report.Title >" } ], "Expression": "x > 3 && x < 10", "Properties": { "department": "rnd" } }
            """);

        Assert.Equal("LocalParams 'x': the expression does not parse: Expression expected", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("""[ { "Name": "leak", "Expression": "Environment.GetEnvironmentVariable(\"PATH\")" } ]""", "GlobalParams 'leak': uses 'Environment', 'GetEnvironmentVariable'")]
    [InlineData("""[ { "Name": "a", "Expression": "1" }, { "Name": "A", "Expression": "2" } ]""", "GlobalParams 'A' is declared already")]
    public async Task GlobalParams_are_refused_naming_the_workflow(string globals, string reason)
    {
        var (_, errors) = await CompileWith("""{ "RuleName": "R", "Expression": "true", "Properties": { "department": "rnd" } }""", globals);

        var error = Assert.Single(errors);
        Assert.Equal("Routing", error.Rule);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task Names_built_on_names_carry_the_length_of_their_text_so_a_doubling_chain_is_refused()
    {
        // Each name twice the one before: 2^14 copies of the title by the last.
        var chain = new JsonArray { new JsonObject { ["Name"] = "t0", ["Expression"] = "report.Title" } };
        for (var i = 1; i <= 14; i++) chain.Add(new JsonObject { ["Name"] = $"t{i}", ["Expression"] = $"t{i - 1} + t{i - 1}" });

        var (ruleset, errors) = await CompileWith("""{ "RuleName": "R", "Expression": "t14.Contains(\"x\")", "Properties": { "department": "rnd" } }""",
            chain.ToJsonString());

        Assert.Null(ruleset);
        Assert.Contains(errors, e => e.Rule == "Routing" && e.Message.StartsWith("GlobalParams 't13': the expression may take up to"));
    }

    [Theory]
    [InlineData("WorkflowsToInject")]
    [InlineData("WorkflowRulesToInject")]
    public async Task WorkflowsToInject_on_a_workflow_is_refused_with_the_reason(string member)
    {
        var (_, errors) = await CompileWith("""{ "RuleName": "R", "Expression": "true", "Properties": { "department": "rnd" } }""",
            routingMembers: $"\"{member}\": [ \"Priority\" ],");

        var error = Assert.Single(errors);
        Assert.Equal("Routing", error.Rule);
        Assert.Contains("would make priority bands routes", error.Message);
    }

    [Theory]
    [InlineData("""{ "RuleName": "R", "Expresion": "true", "Properties": { "department": "rnd" } }""", "$[0].Rules[0].Expresion")]
    [InlineData("""{ "RuleName": "R", "Operator": "And", "Rules": [ { "RuleName": "C", "Expression": "true", "SucessEvent": "x" } ], "Properties": { "department": "rnd" } }""",
        "$[0].Rules[0].Rules[0].SucessEvent")]
    [InlineData("""{ "RuleName": "R", "LocalParams": [ { "Name": "x", "Expresion": "1" } ], "Expression": "true", "Properties": { "department": "rnd" } }""",
        "$[0].Rules[0].LocalParams[0].Expresion")]
    public async Task A_misspelt_member_is_refused_with_its_path(string rule, string path)
    {
        var error = Assert.Single((await CompileWith(rule)).Errors);
        Assert.Equal("workflows", error.Rule);
        Assert.Contains(path, error.Message);
    }
}
