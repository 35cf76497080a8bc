using Routing.Rules.Rulesets;

namespace Routing.Tests.Rules;

/// Rule expressions are code: they may read the report, nothing else.
public sealed class ExpressionSafetyTests
{
    static async Task<IReadOnlyList<RuleError>> CompileWith(string expression)
    {
        var workflows = $$"""
            [ { "WorkflowName": "Routing", "Rules": [ { "RuleName": "Probe", "Expression": {{System.Text.Json.JsonSerializer.Serialize(expression)}}, "Properties": { "department": "rnd" } } ] },
              { "WorkflowName": "Priority", "Rules": [ { "RuleName": "Band", "Expression": "true", "Properties": { "priority": "P3", "ackWithin": "P2D", "resolveWithin": "P14D" } } ] } ]
            """;
        var departments = """[ { "id": "rnd", "name": "R&D", "kind": "internal" }, { "id": "triage", "name": "Triage", "kind": "triage" } ]""";
        return (await RulesetCompiler.CompileAsync(1, workflows, departments)).Errors;
    }

    [Theory]
    [InlineData("report.GetType().Assembly.FullName != \"\"")]
    [InlineData("\"\".GetType().Assembly.DefinedTypes.Count() > 0")]
    [InlineData("report.GetType().Assembly.Location.Length > 0")]
    [InlineData("System.IO.File.Exists(\"/etc/passwd\")")]
    [InlineData("File.ReadAllText(\"/etc/passwd\").Length > 0")]
    [InlineData("System.IO.File.WriteAllText(\"/tmp/pwned\", \"x\") == null")]
    [InlineData("System.Diagnostics.Process.Start(\"touch\", \"/tmp/pwned\") != null")]
    [InlineData("Environment.GetEnvironmentVariable(\"PATH\") != null")]
    [InlineData("AppDomain.CurrentDomain.GetAssemblies().Length > 0")]
    [InlineData("Type.GetType(\"System.IO.File\") != null")]
    [InlineData("Activator.CreateInstance(\"x\", \"y\") != null")]
    [InlineData("Enumerable.Range(0, 100000000).Count() > 0")]
    [InlineData("report.Title.PadLeft(1000000000).Length > 0")]
    [InlineData("report.Segment.Months.Any(a => report.Segment.Months.Any(b => report.Segment.Months.Any(c => report.Segment.Months.Any(d => true))))")]
    public async Task Hostile_expression_is_rejected_naming_the_rule(string expression)
    {
        var error = Assert.Single(await CompileWith(expression));
        Assert.Equal("Probe", error.Rule);
    }

    [Theory]
    [InlineData("report.Segment.Months.Any(m => m >= 11)")]
    [InlineData("report.Title.ToLower().Contains(\"heater\") && report.FailureRate > 0.02")]
    [InlineData("report.Category == \"quality\" and not report.HasVendor")]
    [InlineData("report.Segment.Region.StartsWith(\"Mich\") || report.Product.Length > 100")]
    [InlineData("report.Vendor == \"GetType File Process\"")]
    public async Task Ordinary_expression_is_accepted(string expression)
    {
        Assert.Empty(await CompileWith(expression));
    }
}
