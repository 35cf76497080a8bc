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
        var machine = new JsonObject
        {
            ["Cores"] = Environment.ProcessorCount,
            ["MemoryGiB"] = Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024, 1),
            ["Os"] = RuntimeInformation.OSDescription,
            ["Runtime"] = RuntimeInformation.FrameworkDescription,
        };
        // latest.json: the suites' figures, then the targets computed from them.
        var latest = new JsonObject
        {
            ["Date"] = DateTime.UtcNow, ["Commit"] = commit, ["Quick"] = quick, ["Machine"] = machine,
            ["PgbenchTps"] = double.IsFinite(pgbenchTps) ? pgbenchTps : null,
            ["Limit"] = Read("limit"),
            ["Intake"] = Read("intake"),
            ["ScaleOutOneHost"] = Read("scaleout-1"),
            ["ScaleOutTwoHosts"] = Read("scaleout-2"),
            ["IntakeWithPendingTimers"] = Read("intake-pending")?["MaxPerSecond"]?.DeepClone(),
            ["Timers"] = Read("timers"),
            ["Rules"] = Read("rules") ?? new JsonArray(),
            ["History"] = Read("history"),
            ["Patterns"] = Read("patterns"),
            ["Metrics"] = Read("metrics"),
            ["Scaling"] = Read("scaling"),
            ["OtherSuitesFrom"] = carried,
        };
        var targets = Targets(latest);
        latest["Targets"] = new JsonArray([.. targets.Select(t => t.ToJson())]);

        var patterns = latest["Patterns"];
        var metrics = latest["Metrics"];
        var intake = latest["Intake"];
        var rules = latest["Rules"]!.AsArray();
        var history = latest["History"];
        var timers = latest["Timers"];
        double T(string name) => (double?)timers?[name] ?? double.NaN;
        var withPending = (double?)latest["IntakeWithPendingTimers"] ?? double.NaN;
        double H(string name) => (double?)history?[name] ?? double.NaN;
        var events = H("Events");
        var maxIntake = (double?)intake?["MaxPerSecond"] ?? double.NaN;
        var p99 = (double?)intake?["P99Ms"] ?? double.NaN;
        var limitTps = (double?)latest["Limit"]?["ReportWriteTps"] ?? double.NaN;
        double? Cpu(string name) => (double?)intake?[name];

        var md = new StringBuilder();
        md.AppendLine("# Routing benchmarks").AppendLine();
        md.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, commit `{commit}`{(quick ? " — **quick run** (short, for smoke checks)" : "")}").AppendLine();
        if (carried is not null)
            md.AppendLine($"Only the {only} suite ran now; the other suites' numbers are carried over from earlier runs (the last full one: {(DateTime?)carried["Date"]:yyyy-MM-dd HH:mm} UTC, " +
                          $"commit `{carried["Commit"]}`{((bool?)carried["Quick"] == true ? " (quick)" : "")}).").AppendLine();
        md.AppendLine($"Machine: {machine["Cores"]} cores, {machine["MemoryGiB"]} GiB, {machine["Os"]}, {machine["Runtime"]}.").AppendLine();
        md.AppendLine("## Targets").AppendLine().AppendLine(TargetsNote).AppendLine().AppendLine(Target.Header);
        foreach (var t in targets) md.AppendLine(t.Row());
        md.AppendLine().AppendLine("## Baseline: pgbench TPC-B (built-in script, 4 clients)").AppendLine().AppendLine($"{pgbenchTps:F0} tps").AppendLine();
        md.AppendLine("## Limit: one report's statements (pgbench -M prepared -f bench/report-write.sql, 4 clients)").AppendLine()
            .AppendLine("What one report writes (4 + 6 per department rows: report, work items, their rules, timers, notifications, history, idempotency key) with its reads, in one transaction, without the host.")
            .AppendLine().AppendLine($"{limitTps:F0} tps").AppendLine();
        if (intake is not null)
            md.AppendLine("## Intake (HTTP, PostgreSQL, Release host)").AppendLine().AppendLine("| max reports/s | errors | open-loop rate | p50 | p95 | p99 | CPU/report host | CPU/report PostgreSQL |")
                .AppendLine("|---|---|---|---|---|---|---|---|")
                .AppendLine(Invariant($"| {maxIntake:F0} | {intake["Errors"]} | {(double)intake["RatePerSecond"]!:F0}/s | {(double)intake["P50Ms"]!:F1} ms | {(double)intake["P95Ms"]!:F1} ms | {p99:F1} ms | {Cpu("HostCpuMsPerReport"):F2} ms | {Cpu("PostgresCpuMsPerReport"):F2} ms |")).AppendLine();
        if (intake?["ColdPerSecond"] is { } coldRate)
            md.AppendLine(Invariant($"Measured warm: a fresh host ran {(double)coldRate:F0}/s in its first warm-up round; the measurement followed {(int)intake["WarmUpRounds"]!} rounds of warm-up (they stop when a round's rate is within 5 % of the one before, or after 12)."))
                .AppendLine();
        ScaleOutResults.Section(md, intake, latest["ScaleOutOneHost"], latest["ScaleOutTwoHosts"]);
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
        ScalingResults.Section(md, latest["Scaling"]);
        md.AppendLine("## Rules (BenchmarkDotNet, one core)").AppendLine().AppendLine("| ruleset | evaluations/s | bytes/evaluation |").AppendLine("|---|---|---|");
        foreach (var r in rules) md.AppendLine(Invariant($"| {r!["Ruleset"]} | {(double)r["EvaluationsPerSecond"]!:F0} | {r["BytesPerEvaluation"]} |"));

        File.WriteAllText(Path.Combine(folder, "latest.md"), md.ToString());
        File.WriteAllText(Path.Combine(folder, "latest.json"), latest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine(md);
    }

    /// What the ratio column means, above each Targets table.
    public const string TargetsNote = "ratio: measured ÷ limit for a rate, limit ÷ measured for a time; 1 or more is met.";

    /// The targets, computed from the suites' figures in latest.json (so an older latest.json,
    /// whose Targets were text, gives them too). One line a target; a suite with several adds its list.
    public static List<Target> Targets(JsonNode latest)
    {
        var pgbenchTps = (double?)latest["PgbenchTps"] ?? double.NaN;
        var limitTps = (double?)latest["Limit"]?["ReportWriteTps"] ?? double.NaN;
        var intake = latest["Intake"];
        double I(string name) => (double?)intake?[name] ?? double.NaN;
        var rules = latest["Rules"]?.AsArray() ?? [];
        double RulesRate(string set) => (double?)rules.FirstOrDefault(r => (string)r!["Ruleset"]! == set)?["EvaluationsPerSecond"] ?? double.NaN;
        var timers = latest["Timers"];
        double T(string name) => (double?)timers?[name] ?? double.NaN;
        var withPending = (double?)latest["IntakeWithPendingTimers"] ?? double.NaN;
        var history = latest["History"];
        double H(string name) => (double?)history?[name] ?? double.NaN;
        var events = H("Events");
        var (ndjson, csv) = (events / H("NdjsonSeconds"), events / H("CsvSeconds"));
        return
        [
            Target.AtLeast("intake >= 0.5 x report-write limit (pgbench, bench/report-write.sql)", I("MaxPerSecond"), 0.5 * limitTps, "reports/s",
                (double.IsFinite(limitTps) ? Invariant($"{I("MaxPerSecond"):F0}/s vs {limitTps:F0} tps ({I("MaxPerSecond") / limitTps:F2} x); ") : Invariant($"{I("MaxPerSecond"):F0}/s; no report-write limit in this run; "))
                + Invariant($"TPC-B {pgbenchTps:F0} tps ({I("MaxPerSecond") / pgbenchTps:F2} x)")),
            Target.AtMost("intake p99 <= 50 ms at half the measured maximum", I("P99Ms"), 50, "ms", Invariant($"{I("P99Ms"):F1} ms at {I("RatePerSecond"):F0}/s")),
            Target.AtLeast("shipped ruleset >= 100,000 evaluations/s", RulesRate("shipped"), 100_000, "evaluations/s", Invariant($"{RulesRate("shipped"):F0}/s")),
            Target.AtLeast("1,000-rule ruleset >= 10,000 evaluations/s", RulesRate("1000"), 10_000, "evaluations/s", Invariant($"{RulesRate("1000"):F0}/s")),
            Target.AtMost("timer effect p99 <= 2 s after due", T("P99Seconds"), 2, "s", Invariant($"{T("P99Seconds"):F2} s for a burst of {T("Burst"):F0}, {T("Pending"):F0} pending")),
            Target.AtLeast("intake with 100k pending timers >= 90% of without", withPending, 0.9 * I("MaxPerSecond"), "reports/s",
                Invariant($"{withPending:F0}/s vs {I("MaxPerSecond"):F0}/s ({withPending / I("MaxPerSecond"):P0})")),
            Target.AtLeast("history export >= 100,000 events/s", Math.Min(ndjson, csv), 100_000, "events/s", Invariant($"{ndjson:F0}/s NDJSON, {csv:F0}/s CSV")),
            Target.AtMost("verify of 1,000,000 events <= 10 s", H("VerifySeconds") * 1_000_000 / events, 10, "s",
                Invariant($"{H("VerifySeconds"):F1} s for {events:F0} events")),
            .. PatternsResults.Targets(latest["Patterns"]),
            .. MetricsResults.Targets(latest["Metrics"]),
            .. ScalingResults.Targets(latest["Scaling"]),
        ];
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
