using System.Text.Json;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Routing.Bench;

// bench/run.sh calls these verbs; each writes a JSON fragment into --out, and `report`
// turns the fragments into latest.md and latest.json.
//   rules  [--quick] --out DIR
//   intake --url URL[,URL…] --key KEY [--host-pid PID[,PID…]] [--postmaster-pid PID] [--quick] [--closed-only --name NAME
//     [--connections N] [--warm-up S]] --out DIR   (the PIDs: CPU per report, from /proc; several URLs: hosts taking turns)
//   patterns --url URL --key KEY --psql PATH --pg-port PORT --pg-db DB --sizes N[,N…] --out DIR
//   metrics --host-dll PATH --connection CS --psql PATH --pg-port PORT --pg-db DB --items N [--quick] [--data-only] [--previous LATEST.json] --out DIR
//     [--intake-seconds N] [--backfill-only] [--port N] (--data-only: make the data set, or find it made, and stop; --intake-seconds 0:
//     no intake; --backfill-only: time the backfill alone and add it to the metrics.json in --out; --port: the host's, the
//     intake host's the next, 5098 unless told)
//   scaling --host-dll PATH --connection CS --psql PATH --pg-port PORT --pg-db DB --sizes N[,N…] [--quick] [--port PORT] [--intake-seconds N] --out DIR
//     (grows the database to each size and measures it there; writes scaling.json and scaling.svg)
//   report (--pgbench-tps N | --previous LATEST.json --only SUITE) --commit SHA [--quick] --out DIR
//   readme --results LATEST.json --readme README.md (the README's performance table, from latest.json)
string Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault()
    ?? throw new ArgumentException($"{name} is required");
if (args.FirstOrDefault() == "readme")
{
    try
    {
        Readme.Write(Option("--readme"), JsonNode.Parse(File.ReadAllText(Option("--results")))!);
        return 0;
    }
    catch (InvalidDataException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}
var quick = args.Contains("--quick");
var output = Option("--out");
Directory.CreateDirectory(output);
void Save(string name, object value) =>
    File.WriteAllText(Path.Combine(output, $"{name}.json"), JsonSerializer.Serialize(value, new JsonSerializerOptions { WriteIndented = true }));

switch (args.FirstOrDefault())
{
    case "rules":
        // Quick: in this process, without the project BenchmarkDotNet otherwise generates and builds (25 s).
        var job = quick ? Job.ShortRun.WithIterationCount(3).WithWarmupCount(1).WithToolchain(InProcessEmitToolchain.Instance) : Job.Default;
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
        int[] Pids(string name) => args.Contains(name) ? [.. Option(name).Split(',').Select(int.Parse)] : [];
        var cpu = args.Contains("--host-pid") || args.Contains("--postmaster-pid")
            ? new CpuMeter(Pids("--host-pid"), Pids("--postmaster-pid").Cast<int?>().FirstOrDefault()) : null;
        var load = new IntakeLoad(Option("--url").Split(','), Option("--key"), cpu);
        var seconds = TimeSpan.FromSeconds(quick ? 3 : 30);
        int Number(string name, int otherwise) => args.Contains(name) ? int.Parse(Option(name), System.Globalization.CultureInfo.InvariantCulture) : otherwise;
        if (args.Contains("--closed-only"))
        {
            if (Number("--warm-up", 0) is > 0 and var warm) await load.RunClosedAsync(TimeSpan.FromSeconds(warm), Number("--connections", 32));
            Save(Option("--name"), await load.RunClosedAsync(seconds, Number("--connections", 32)));
        }
        // Warm until settled (at most 12 rounds of 15 s) for a full run; quick keeps its one round.
        else Save("intake", await load.RunAsync(seconds / 2, seconds, seconds, connections: 32, warmUpRounds: quick ? 1 : 12));
        break;
    case "patterns":
        var suite = new PatternsSuite(Option("--url"), Option("--key"), new Psql(Option("--psql"), Option("--pg-port"), Option("--pg-db")), output);
        Save("patterns", await suite.RunAsync([.. Option("--sizes").Split(',').Select(long.Parse)]));
        break;
    case "metrics":
        var port = Option("--pg-port");
        Psql On(string database) => new(Option("--psql"), port, database);
        var metrics = new MetricsSuite(new(Option("--host-dll"), Option("--connection"), On(Option("--pg-db")), On, Option("--pg-db"),
            long.Parse(Option("--items"), System.Globalization.CultureInfo.InvariantCulture), Requests: quick ? 20 : 200,
            IntakeSeconds: TimeSpan.FromSeconds(args.Contains("--intake-seconds") ? int.Parse(Option("--intake-seconds"), System.Globalization.CultureInfo.InvariantCulture) : quick ? 2 : 20),
            output, DataOnly: args.Contains("--data-only"), BackfillOnly: args.Contains("--backfill-only"),
            Port: args.Contains("--port") ? int.Parse(Option("--port"), System.Globalization.CultureInfo.InvariantCulture) : 5098, Quick: quick));
        var measured = JsonSerializer.SerializeToNode(await metrics.RunAsync())!.AsObject();
        if (args.Contains("--data-only")) break;
        var file = Path.Combine(output, "metrics.json");
        // --backfill-only: its figure joins the measurements of an earlier run in the same folder.
        if (args.Contains("--backfill-only") && File.Exists(file))
        {
            var earlier = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            earlier["Backfill"] = measured["Backfill"]!.DeepClone();
            measured = earlier;
        }
        // The intake of the last full run, beside the write path's figures measured now.
        if (args.Contains("--previous")) measured["PreviousIntake"] = JsonNode.Parse(File.ReadAllText(Option("--previous")))?["Intake"]?.DeepClone();
        File.WriteAllText(file, measured.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        break;
    case "scaling":
        var scaling = new ScalingSuite(new(Option("--host-dll"), Option("--connection"), new Psql(Option("--psql"), Option("--pg-port"), Option("--pg-db")),
            [.. Option("--sizes").Split(',').Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture))], Requests: quick ? 20 : 50, ScanRequests: quick ? 5 : 50,
            IntakeSeconds: TimeSpan.FromSeconds(args.Contains("--intake-seconds") ? int.Parse(Option("--intake-seconds"), System.Globalization.CultureInfo.InvariantCulture) : quick ? 0 : 20),
            WarmUpSeconds: TimeSpan.FromSeconds(quick ? 1 : 60), Port: args.Contains("--port") ? int.Parse(Option("--port"), System.Globalization.CultureInfo.InvariantCulture) : 5100, output,
            Measured: scaled =>
            {
                Save("scaling", scaled);
                File.WriteAllText(Path.Combine(output, "scaling.svg"), ScalingResults.Chart(JsonSerializer.SerializeToNode(scaled)!));
            }));
        await scaling.RunAsync();
        break;
    case "report":
        // --previous: the latest.json whose other suites a run of one suite (--only) carries over.
        var previous = args.Contains("--previous") ? JsonNode.Parse(File.ReadAllText(Option("--previous"))) : null;
        Results.Write(output, previous is null ? double.Parse(Option("--pgbench-tps"), System.Globalization.CultureInfo.InvariantCulture) : double.NaN,
            Option("--commit"), quick, previous, previous is null ? null : Option("--only"));
        break;
    default:
        Console.Error.WriteLine("usage: rules|intake|patterns|metrics|report … --out DIR, readme --results LATEST.json --readme README.md (see bench/run.sh)");
        return 2;
}
return 0;
