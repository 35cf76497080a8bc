using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The patterns suite's targets and its section of latest.md.
internal static class PatternsResults
{
    const long ScanTargetSize = 10_000_000;

    const string ImportTarget = "import >= 0.5 x psql \\copy of the same file";
    const string ScanTarget = "full scan of 10M complaints <= 10 s";
    const string PageTarget = "Patterns page p95 <= 100 ms with 10k candidates";

    public static IEnumerable<Target> Targets(JsonNode? patterns)
    {
        var sizes = patterns?["Sizes"]?.AsArray().Select(s => s!).ToList() ?? [];
        if (sizes.Count == 0)
        {
            yield return Target.NotRun(ImportTarget, 0.5, "x \\copy", Target.More);
            yield return Target.NotRun(ScanTarget, 10, "s", Target.Less);
            yield return Target.NotRun(PageTarget, 100, "ms", Target.Less);
            yield break;
        }
        var largest = sizes.MaxBy(s => (long)s["Complaints"]!)!;
        double Of(JsonNode size, string name) => (double)size[name]!;
        yield return Target.AtLeast(ImportTarget, Of(largest, "Ratio"), 0.5, "x \\copy", Invariant(
            $"{Of(largest, "Ratio"):F2} x: {Of(largest, "ImportPerSecond"):F0} lines/s vs {Of(largest, "Complaints") / Of(largest, "CopySeconds"):F0} ({Of(largest, "Complaints"):N0} complaints)"));

        var tenMillion = sizes.FirstOrDefault(s => (long)s["Complaints"]! >= ScanTargetSize);
        yield return tenMillion is null
            ? Target.NotRun(ScanTarget, 10, "s", Target.Less, Invariant($"not run at 10M ({Of(largest, "ScanSeconds"):F1} s at {Of(largest, "Complaints"):N0})"))
            : Target.AtMost(ScanTarget, Of(tenMillion, "ScanSeconds"), 10, "s", Invariant($"{Of(tenMillion, "ScanSeconds"):F1} s"));

        var page = patterns!["Page"]!;
        var api = Invariant($"GET /api/patterns?status=open p95 {(double)page["ApiP95Ms"]!:F1} ms");
        yield return page["PageP95Ms"] is { } p95
            ? Target.AtMost(PageTarget, (double)p95, 100, "ms", Invariant($"{(double)p95:F1} ms ({api})"))
            : Target.NotRun(PageTarget, 100, "ms", Target.Less, $"{page["PageStatus"]} ({api})");
    }

    public static void Section(StringBuilder md, JsonNode? patterns)
    {
        if (patterns is null) return;
        md.AppendLine("## Patterns (generated complaints, PostgreSQL, Release host)").AppendLine()
            .AppendLine("Products × regions × 24 months of units sold, complaints drawn in proportion, five patterns planted. " +
                        "`\\copy`: psql of the CSV file into a table of the same columns without indexes; import: the same file " +
                        "streamed to POST /api/complaints; scan: POST /api/patterns/scan.").AppendLine()
            .AppendLine("| complaints | file | \\copy | import | import lines/s | import ÷ \\copy | units sold import | scan | segments tested | flagged | planted found |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in patterns["Sizes"]!.AsArray())
        {
            var planted = s!["Planted"]!.AsObject();
            var missed = planted.Where(p => !(bool)p.Value!).Select(p => p.Key).ToList();
            md.AppendLine(Invariant($"| {(long)s["Complaints"]!:N0} | {(long)s["FileBytes"]! / 1e6:F0} MB | {(double)s["CopySeconds"]!:F2} s | {(double)s["ImportSeconds"]!:F2} s | {(double)s["ImportPerSecond"]!:F0} | {(double)s["Ratio"]!:F2} | {(double)s["ExposureSeconds"]!:F2} s | {(double)s["ScanSeconds"]!:F2} s | {(long)s["Tested"]!:N0} | {(long)s["Flagged"]!:N0} | {planted.Count - missed.Count} of {planted.Count}{(missed.Count == 0 ? "" : $" (missed: {string.Join(", ", missed)})")} |"));
        }
        var page = patterns["Page"]!;
        md.AppendLine().AppendLine(Invariant(
            $"With {(int)page["Candidates"]!:N0} more candidates stored, {(int)page["Requests"]!} requests each: the console's Patterns page (signed in as a CSM) p95 {(page["PageP95Ms"] is { } p ? $"{(double)p:F1} ms" : (string)page["PageStatus"]!)}; GET /api/patterns?status=open p95 {(double)page["ApiP95Ms"]!:F1} ms.")).AppendLine();
    }

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
