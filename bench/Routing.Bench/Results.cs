using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// Writes latest.md and latest.json from the suites' fragments, with each target met or not.
internal static class Results
{
    /// `previous`: latest.json of an earlier run, whose other suites' numbers a run of one suite
    /// alone (`only`: bench/run.sh --only patterns|metrics) carries over, saying so.
    public static void Write(string folder, double pgbenchTps, string commit, bool quick, JsonNode? previous = null, string? only = null)
    {
        JsonNode? Read(string name) => File.Exists(Path.Combine(folder, $"{name}.json"))
            ? JsonNode.Parse(File.ReadAllText(Path.Combine(folder, $"{name}.json"))) : null;
        var carried = previous is null ? null : previous["OtherSuitesFrom"]?.DeepClone() ?? new JsonObject
        {
            ["Date"] = previous["Date"]?.DeepClone(), ["Commit"] = previous["Commit"]?.DeepClone(), ["Quick"] = previous["Quick"]?.DeepClone(),
        };
        if (previous is not null)
        {
            pgbenchTps = (double?)previous["PgbenchTps"] ?? double.NaN;
            foreach (var (name, node) in new[] { ("intake", "Intake"), ("limit", "Limit"), ("scaleout-1", "ScaleOutOneHost"), ("scaleout-2", "ScaleOutTwoHosts"), ("timers", "Timers"), ("history", "History"), ("rules", "Rules"), ("patterns", "Patterns"), ("metrics", "Metrics"), ("scaling", "Scaling") })
                if (name != only && previous[node] is { } value) File.WriteAllText(Path.Combine(folder, $"{name}.json"), value.ToJsonString());
            File.WriteAllText(Path.Combine(folder, "intake-pending.json"), new JsonObject { ["MaxPerSecond"] = previous["IntakeWithPendingTimers"]?.DeepClone() }.ToJsonString());
        }
        var patterns = Read("patterns");
        var metrics = Read("metrics");
        var scaling = Read("scaling");
        var intake = Read("intake");
        var rules = Read("rules")?.AsArray() ?? [];
        double RulesRate(string set) => (double?)rules.FirstOrDefault(r => (string)r!["Ruleset"]! == set)?["EvaluationsPerSecond"] ?? double.NaN;

        var machine = new
        {
            Cores = Environment.ProcessorCount,
            MemoryGiB = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
            Os = RuntimeInformation.OSDescription,
            Runtime = RuntimeInformation.FrameworkDescription,
        };
        var history = Read("history");
        var timers = Read("timers");
        double T(string name) => (double?)timers?[name] ?? double.NaN;
        var withPending = (double?)Read("intake-pending")?["MaxPerSecond"] ?? double.NaN;
        double H(string name) => (double?)history?[name] ?? double.NaN;
        var events = H("Events");
        var maxIntake = (double?)intake?["MaxPerSecond"] ?? double.NaN;
        var p99 = (double?)intake?["P99Ms"] ?? double.NaN;
        var limit = Read("limit");
        var limitTps = (double?)limit?["ReportWriteTps"] ?? double.NaN;
        double? Cpu(string name) => (double?)intake?[name];
        var targets = new List<(string Target, string Measured, bool? Met)>
        {
            ("intake >= 0.5 x report-write limit (pgbench, bench/report-write.sql)",
                $"{maxIntake:F0}/s vs {limitTps:F0} tps (ratio {maxIntake / limitTps:F2}); TPC-B {pgbenchTps:F0} tps (ratio {maxIntake / pgbenchTps:F2})",
                double.IsNaN(limitTps) ? null : maxIntake >= 0.5 * limitTps),
            ("intake p99 <= 50 ms at half the measured maximum", $"{p99:F1} ms", p99 <= 50),
            ("shipped ruleset >= 100,000 evaluations/s", $"{RulesRate("shipped"):F0}/s", RulesRate("shipped") >= 100_000),
            ("1,000-rule ruleset >= 10,000 evaluations/s", $"{RulesRate("1000"):F0}/s", RulesRate("1000") >= 10_000),
            ("timer effect p99 <= 2 s after due", $"{T("P99Seconds"):F2} s for a burst of {T("Burst"):F0}", T("P99Seconds") <= 2),
            ("intake with 100k pending timers >= 90% of without", $"{withPending:F0}/s vs {maxIntake:F0}/s ({withPending / maxIntake:P0})", withPending >= 0.9 * maxIntake),
            ("history export >= 100,000 events/s", $"{events / H("NdjsonSeconds"):F0}/s NDJSON, {events / H("CsvSeconds"):F0}/s CSV",
                events / H("NdjsonSeconds") >= 100_000 && events / H("CsvSeconds") >= 100_000),
            ("verify of 1,000,000 events <= 10 s", $"{H("VerifySeconds"):F1} s for {events:F0} events", H("VerifySeconds") * 1_000_000 / events <= 10),
        };
        targets.AddRange(PatternsResults.Targets(patterns));
        targets.AddRange(MetricsResults.Targets(metrics));
        targets.AddRange(ScalingResults.Targets(scaling));

        var md = new StringBuilder();
        md.AppendLine("# Routing benchmarks").AppendLine();
        md.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{commit}`{(quick ? " — **quick run** (short, for smoke checks)" : "")}").AppendLine();
        if (carried is not null)
            md.AppendLine($"Only the {only} suite ran now; the other suites' numbers are carried over from earlier runs (the last full one: {(DateTime?)carried["Date"]:yyyy-MM-dd HH:mm} UTC, " +
                          $"commit `{carried["Commit"]}`{((bool?)carried["Quick"] == true ? " (quick)" : "")}).").AppendLine();
        md.AppendLine($"Machine: {machine.Cores} cores, {machine.MemoryGiB} GiB, {machine.Os}, {machine.Runtime}.").AppendLine();
        md.AppendLine("## Targets").AppendLine().AppendLine("| target | measured | |").AppendLine("|---|---|---|");
        foreach (var t in targets) md.AppendLine($"| {t.Target} | {t.Measured} | {t.Met switch { true => "met", false => "not met", null => "not run" }} |");
        md.AppendLine().AppendLine("## Baseline: pgbench TPC-B (built-in script, 4 clients)").AppendLine().AppendLine($"{pgbenchTps:F0} tps").AppendLine();
        md.AppendLine("## Limit: one report's statements (pgbench -M prepared -f bench/report-write.sql, 4 clients)").AppendLine()
            .AppendLine("What one report writes (4 + 6 per department rows: report, work items, their rules, timers, notifications, history, idempotency key) with its reads, in one transaction, without the host.")
            .AppendLine().AppendLine($"{limitTps:F0} tps").AppendLine();
        if (intake is not null)
            md.AppendLine("## Intake (HTTP, PostgreSQL, Release host)").AppendLine().AppendLine("| max reports/s | errors | open-loop rate | p50 | p95 | p99 | CPU/report host | CPU/report PostgreSQL |")
                .AppendLine("|---|---|---|---|---|---|---|---|")
                .AppendLine(Invariant($"| {maxIntake:F0} | {intake["Errors"]} | {(double)intake["RatePerSecond"]!:F0}/s | {(double)intake["P50Ms"]!:F1} ms | {(double)intake["P95Ms"]!:F1} ms | {p99:F1} ms | {Cpu("HostCpuMsPerReport"):F2} ms | {Cpu("PostgresCpuMsPerReport"):F2} ms |")).AppendLine();
        ScaleOutResults.Section(md, intake, Read("scaleout-1"), Read("scaleout-2"));
        if (timers is not null)
            md.AppendLine("## Timers").AppendLine().AppendLine("| pending | intake with them pending | burst due at once | due → effect p50 | p99 | max |")
                .AppendLine("|---|---|---|---|---|---|")
                .AppendLine(Invariant($"| {T("Pending"):F0} | {withPending:F0}/s | {T("Burst"):F0} | {T("P50Seconds"):F2} s | {T("P99Seconds"):F2} s | {T("MaxSeconds"):F2} s |"))
                .AppendLine();
        if (history is not null)
            md.AppendLine("## History").AppendLine().AppendLine("| events | sealing | verify | export NDJSON | export CSV | query p95 (a work item's events) |")
                .AppendLine("|---|---|---|---|---|---|")
                .AppendLine(Invariant($"| {events:F0} | {events / H("SealSeconds"):F0}/s | {H("VerifySeconds"):F2} s | {events / H("NdjsonSeconds"):F0}/s | {events / H("CsvSeconds"):F0}/s | {H("QueryP95Seconds") * 1000:F1} ms |"))
                .AppendLine();
        PatternsResults.Section(md, patterns);
        MetricsResults.Section(md, metrics);
        ScalingResults.Section(md, scaling);
        md.AppendLine("## Rules (BenchmarkDotNet, one core)").AppendLine().AppendLine("| ruleset | evaluations/s | bytes/evaluation |").AppendLine("|---|---|---|");
        foreach (var r in rules) md.AppendLine(Invariant($"| {r!["Ruleset"]} | {(double)r["EvaluationsPerSecond"]!:F0} | {r["BytesPerEvaluation"]} |"));

        File.WriteAllText(Path.Combine(folder, "latest.md"), md.ToString());
        File.WriteAllText(Path.Combine(folder, "latest.json"), JsonSerializer.Serialize(new
        {
            Date = DateTime.UtcNow, Commit = commit, Quick = quick, Machine = machine, PgbenchTps = pgbenchTps, Limit = limit, Intake = intake,
            ScaleOutOneHost = Read("scaleout-1"), ScaleOutTwoHosts = Read("scaleout-2"),
            IntakeWithPendingTimers = withPending, Timers = timers, Rules = rules, History = history, Patterns = patterns, Metrics = metrics, Scaling = scaling, OtherSuitesFrom = carried,
            Targets = targets.Select(t => new { t.Target, t.Measured, t.Met }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(md);
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
