using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Bench;

/// Rule evaluation alone: the shipped ruleset and generated ones of 100 and 1,000 rules.
[MemoryDiagnoser]
public class RulesBenchmarks
{
    CompiledRuleset ruleset = null!;
    readonly ReportFacts report = new()
    {
        Category = "quality", Severity = "high", Product = "HX-200 heater", UnitsSold = 12000, AffectedUnits = 1440,
        FailureRate = 0.12, ReportCount = 87, Segment = new SegmentFacts { Region = "Michigan", Months = [11, 12, 1, 2] },
    };

    [Params("shipped", "100", "1000")]
    public string Ruleset { get; set; } = "shipped";

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "rules");
        var workflows = Shipped(folder, RulesFile.Workflows);
        if (Ruleset != "shipped") workflows = GeneratedRules.Workflows(workflows, int.Parse(Ruleset));
        // The shipped departments name the shipped lifecycles and calendars: the ruleset is all four files.
        var (compiled, errors) = RulesetCompiler.CompileAsync(1, workflows, Shipped(folder, RulesFile.Departments),
                lifecyclesJson: Shipped(folder, RulesFile.Lifecycles), calendarsJson: Shipped(folder, RulesFile.Calendars))
            .GetAwaiter().GetResult();
        ruleset = compiled ?? throw new InvalidOperationException(string.Join("; ", errors));
    }

    // The shipped files name their schema: { "$schema": …, "workflows": [ … ] }.
    static string Shipped(string folder, RulesFile file) =>
        file.ReadOrThrow(File.ReadAllText(Path.Combine(folder, file.FileName)), file.FileName);

    [Benchmark]
    public Task Route() => ruleset.RouteAsync(report, NullLogger.Instance);
}
