using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The metrics suite's targets and its section of latest.md.
internal static class MetricsResults
{
    // By month as well as by week: the current month is counted live, and holds up to a month of events.
    const string PageTarget = "Accountability page p95 <= 100 ms, 1M items / 10M events (admin by week and by month, head; PostgreSQL)";
    const string ApiTarget = "metrics API p95 <= 100 ms (GET /api/metrics/departments, JSON and CSV)";
    // The issue's limit is on the pages, at the range they open with (90 days); a year of rules is measured and shown, not held to it.
    const string CohortTarget = "rules and CSMs views p95 <= 100 ms (pages and API, their default 90 days)";

    public static IEnumerable<Target> Targets(JsonNode? metrics)
    {
        if (metrics is null)
        {
            yield return Target.NotRun(PageTarget, 100, "ms", Target.Less);
            yield return Target.NotRun(ApiTarget, 100, "ms", Target.Less);
            yield return Target.NotRun(CohortTarget, 100, "ms", Target.Less);
            yield break;
        }
        var all = metrics["Measurements"]!.AsArray().Select(m => m!).ToList();
        var scale = Invariant($"{(long)metrics["Data"]!["Items"]!:N0} items / {(long)metrics["Data"]!["Events"]!:N0} events");
        yield return Slowest(PageTarget, all.Where(m => ((string)m["Name"]!).StartsWith("page, admin, 12") || ((string)m["Name"]!).StartsWith("page, admin, by month")
            || ((string)m["Name"]!).StartsWith("page, head")), scale);
        yield return Slowest(ApiTarget, all.Where(m => ((string)m["Name"]!).StartsWith("API departments, JSON") || ((string)m["Name"]!).StartsWith("API departments, CSV")), scale);
        yield return Slowest(CohortTarget, all.Where(m => ((string)m["Name"]!) is "page, admin, rules (90 days)" or "page, admin, CSMs" or "API rules, 90 days" or "API CSMs"), scale);
    }

    /// The slowest of the measurements against the limit; not measured when one of them has no p95 (it failed).
    static Target Slowest(string target, IEnumerable<JsonNode> measured, string scale)
    {
        var list = measured.ToList();
        var text = string.Join(", ", list.Select(m => $"{Short(m)} {Figure(m)}")) + $" ({scale})";
        if (list.Count == 0 || list.Any(m => m["P95Ms"] is null)) return Target.NotRun(target, 100, "ms", Target.Less, text);
        return Target.AtMost(target, list.Max(m => (double)m["P95Ms"]!), 100, "ms", text);
    }

    static string Short(JsonNode m) => (string)m["Name"]! switch
    {
        "page, admin, rules (90 days)" => "rules page",
        "page, admin, CSMs" => "CSMs page",
        "API rules, 90 days" => "API rules",
        "API CSMs" => "API CSMs",
        var n when n.StartsWith("page, admin, by month") => "admin by month",
        var n when n.StartsWith("page, admin") => "admin",
        var n when n.StartsWith("page, head") => "head",
        var n when n.Contains("CSV") => "CSV",
        var n when n.Contains("JSON") => "JSON",
        var n => n,
    };

    static string Figure(JsonNode m) => m["P95Ms"] is { } p95 ? Invariant($"{(double)p95:F1} ms") : (string)m["Status"]!;

    public static void Section(StringBuilder md, JsonNode? metrics)
    {
        if (metrics is null) return;
        // The sentences below are joined from several interpolations: all of them invariant.
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var data = metrics["Data"]!;
        md.AppendLine("## Accountability metrics (generated history, PostgreSQL, Release host)").AppendLine()
            .AppendLine(($"{(long)data["Items"]!:N0} work items over three years in 9 departments, {(long)data["Reports"]!:N0} reports from 20 CSMs, " +
                                  $"{(long)data["Rules"]!:N0} work_item_rules rows (40 rules × 3 ruleset versions), {(long)data["Effectiveness"]!:N0} effectiveness checks, " +
                                  $"{(long)data["Events"]!:N0} history events; made in SQL (generate_series) " +
                                  ((bool)metrics["DataKept"]! ? "by an earlier run and kept. " : Invariant($"in {(double)data["TotalSeconds"]!:F0} s ({Seconds(data)}). ")) +
                                  $"The host started in {(double)metrics["StartSeconds"]!:F1} s on it. Sequential requests after 10 warm-ups; " +
                                  "\"first\" is the first request, on an empty period cache for the first of each interval." +
                                  (metrics["LoadAverage"] is { } load ? $" Load average (1 min) during the measurements: {load}." : ""))).AppendLine()
            .AppendLine("| page or endpoint | as | first | p50 | p95 | requests | bytes |").AppendLine("|---|---|---|---|---|---|---|");
        foreach (var m in metrics["Measurements"]!.AsArray().Select(m => m!))
            md.AppendLine(m["P95Ms"] is null
                ? $"| {m["Name"]} (`{m["Path"]}`) | {m["As"]} | {m["Status"]} | | | | |"
                : Invariant($"| {m["Name"]} (`{m["Path"]}`) | {m["As"]} | {(double)m["FirstMs"]!:F0} ms | {(double)m["P50Ms"]!:F1} ms | {(double)m["P95Ms"]!:F1} ms | {(int)m["Requests"]!} | {(long)m["Bytes"]!:N0} |"));
        md.AppendLine();
        var cold = metrics["Cold"]!.AsArray().Select(c => c!).ToList();
        if (metrics["Measurements"]!.AsArray().Concat(cold).Any(m => (string?)m!["Status"] == "503"))
            md.AppendLine("503: the host answered that the store was unavailable: a query of the request ran past the command timeout (30 s).").AppendLine();
        if (cold.Count > 0)
            md.AppendLine("Cold fill of the period cache (TRUNCATE metric_periods, then GET /api/metrics/departments for all departments, " +
                          "every closed period computed and stored, then the same request again): " +
                          string.Join("; ", cold.Select(c => c["FirstSeconds"] is null
                              ? $"{c["Periods"]} periods by {c["Interval"]}: {c["Status"]}"
                              : Invariant($"{(int)c["Periods"]!} periods by {c["Interval"]} {(double)c["FirstSeconds"]!:F1} s, then {(double)c["AgainMs"]!:F0} ms"))) + ".")
                .AppendLine();
        if (metrics["Intake"] is { } intake)
        {
            double I(string name) => (double)intake[name]!;
            md.AppendLine(($"Write path (intake on a fresh database, 32 connections): {I("MaxPerSecond"):F0} reports/s, p99 {I("P99Ms"):F1} ms at 50% load; " +
                                    $"with the five accountability indexes dropped {I("MaxWithoutIndexes"):F0}/s, p99 {I("P99MsWithoutIndexes"):F1} ms " +
                                    $"({I("MaxPerSecond") / I("MaxWithoutIndexes") - 1:+0%;-0%} throughput with them). Each is a short run on this " +
                                    "machine: compare them only when the load average above is low.") +
                          (metrics["PreviousIntake"] is { } previous && previous["MaxPerSecond"] is not null
                              ? Invariant($" The previous full run's intake: {(double)previous["MaxPerSecond"]!:F0}/s, p99 {(double)previous["P99Ms"]!:F1} ms.") : ""))
                .AppendLine();
        }
        if (metrics["Backfill"] is { } backfill)
            md.AppendLine(backfill["ItemsPerSecond"] is { } rate && backfill["StartSeconds"] is not null
                ? ($"Backfill (every item set to MetricsVersion 0, the host's start-up timed): {(double)backfill["StartSeconds"]!:F0} s against {(double)backfill["BaselineStartSeconds"]!:F1} s " +
                            $"with nothing to backfill: {(double)rate:F0} items/s; {(long)backfill["LeftOver"]!:N0} left over; {(long)backfill["Differing"]!:N0} of {(long)backfill["Items"]!:N0} items " +
                            "with other facts than the data set's (the replay of their history disagrees with the generated columns).")
                : $"Backfill: {backfill["Status"]}" + (backfill["ItemsPerSecond"] is { } partial ? $" ({(double)partial:F0} items/s until then)." : "."))
                .AppendLine();
    }

    static string Seconds(JsonNode data) => string.Join(", ", data["Seconds"]!.AsObject().Select(s => Invariant($"{s.Key} {(double)s.Value!:F0} s")));

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
