using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Routing.Bench;

// bench/run.sh calls these verbs; each writes a JSON fragment into --out, and `report`
// turns the fragments into latest.md and latest.json.
//   rules  [--quick] --out DIR
//   intake --url URL --key KEY [--quick] [--closed-only --name NAME] --out DIR
//   report --pgbench-tps N --commit SHA [--quick] --out DIR
string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
    ?? throw new ArgumentException($"{name} is required");
var quick = args.Contains("--quick");
var output = Option("--out");
Directory.CreateDirectory(output);
void Save(string name, object value) =>
    File.WriteAllText(Path.Combine(output, $"{name}.json"), JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));

switch (args.FirstOrDefault())
{
    case "rules":
        var job = quick ? Job.ShortRun.WithIterationCount(3).WithWarmupCount(1) : Job.Default;
        var summary = BenchmarkRunner.Run<RulesBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "routing-bdn")));
        Save("rules", summary.Reports.Where(r => r.ResultStatistics is not null).Select(r => new
        {
            Ruleset = r.BenchmarkCase.Parameters["Ruleset"].ToString(),
            EvaluationsPerSecond = 1e9 / r.ResultStatistics!.Mean,
            BytesPerEvaluation = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase),
        }));
        break;
    case "intake":
        var load = new IntakeLoad(Option("--url"), Option("--key"));
        var seconds = TimeSpan.FromSeconds(quick ? 8 : 30);
        if (args.Contains("--closed-only")) Save(Option("--name"), await load.RunClosedAsync(seconds, connections: 32));
        else Save("intake", await load.RunAsync(seconds / 2, seconds, seconds, connections: 32));
        break;
    case "patterns-data":
        PatternsData.Write(output, long.Parse(Option("--complaints"), System.Globalization.CultureInfo.InvariantCulture));
        break;
    case "report":
        Results.Write(output, double.Parse(Option("--pgbench-tps"), System.Globalization.CultureInfo.InvariantCulture), Option("--commit"), quick);
        break;
    default:
        Console.Error.WriteLine("usage: rules|intake|report … --out DIR (see bench/run.sh)");
        return 2;
}
return 0;
