using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Routing.Bench;

/// The scaling suite's targets, its section of latest.md, and its chart (scaling.svg): each
/// measure's cost at each size relative to its cost at the smallest.
internal static class ScalingResults
{
    // A read may cost at most twice as much at the largest size as at the smallest; intake may lose 10 %.
    const double ReadLimit = 2, IntakeLimit = 0.9;
    const string IntakeName = "intake";

    /// Growth as a target: a read's p50 at the largest size ÷ at the smallest (less is better), intake's rate the same way (more is better).
    public static IEnumerable<Target> Targets(JsonNode? scaling)
    {
        var sizes = Sizes(scaling);
        var span = sizes.Count < 2 ? "10k to 1M work items" : $"{Short(Items(sizes[0]))} to {Short(Items(sizes[^1]))} work items";
        var missing = sizes.Count < 2 ? "not run" : "not measured";
        foreach (var name in ReadNames(sizes))
        {
            var target = $"{name}: p50 flat from {span} (<= {ReadLimit:0} x)";
            var (first, last) = (P50(sizes.FirstOrDefault(), name), P50(sizes.LastOrDefault(), name));
            yield return sizes.Count < 2 || first is null || last is null
                ? Target.NotRun(target, ReadLimit, "x", Target.Less, missing)
                : Target.AtMost(target, last.Value / first.Value, ReadLimit, "x", Invariant($"{first:F1} ms → {last:F1} ms ({last / first:F2} x)"));
        }
        var intake = $"intake within 10 % from {span}";
        var (from, to) = (Rate(sizes.FirstOrDefault()), Rate(sizes.LastOrDefault()));
        yield return sizes.Count < 2 || from is null || to is null
            ? Target.NotRun(intake, IntakeLimit, "x", Target.More, missing)
            : Target.AtLeast(intake, to.Value / from.Value, IntakeLimit, "x",
                Invariant($"{from:F0}/s → {to:F0}/s ({to / from:F2} x); CPU a report {Cpu(sizes[0])} → {Cpu(sizes[^1])}"));
    }

    public static void Section(StringBuilder md, JsonNode? scaling)
    {
        var sizes = Sizes(scaling);
        if (sizes.Count == 0) return;
        string Row(string label, Func<JsonNode, string> cell) => $"| {label} | {string.Join(" | ", sizes.Select(cell))} |";
        md.AppendLine("## Cost as data grows (PostgreSQL, Release host)").AppendLine()
            .AppendLine("One database grown size by size, older items each time, at a steady rate (the smallest size in 90 days: " +
                        "a bigger size is the service having run longer, so the work open now and the last 30 days are alike at every size); ten " +
                        "history events an item, as many complaints as items; at each size a freshly started host, warmed up (600 requests, or 30 s of them: tiered JIT goes on for hundreds), then sequential requests: " +
                        "p50 / p95, the first request after start in brackets (JIT, cold caches), and the CPU a request cost the host process and " +
                        "PostgreSQL's backends (less noisy than wall time on a loaded machine). Intake: closed loop, 32 connections; " +
                        "CPU a report of the host process and of PostgreSQL's backends. `bench/results/scaling.svg` draws each measure " +
                        "against the size, relative to the smallest.").AppendLine()
            .AppendLine($"| | {string.Join(" | ", sizes.Select(s => Invariant($"{Items(s):N0} items")))} |")
            .AppendLine($"|---|{string.Concat(sizes.Select(_ => "---|"))}")
            .AppendLine(Row("history events", s => Invariant($"{(long)s["Events"]!:N0}")))
            .AppendLine(Row("complaints", s => Invariant($"{(long)s["Complaints"]!:N0}")))
            .AppendLine(Row("open items", s => Invariant($"{(long)s["OpenItems"]!:N0}")));
        foreach (var name in ReadNames(sizes))
        {
            var read = Read(sizes[0], name)!;
            var method = (string)read["Path"]! == "/api/patterns/scan" ? "POST " : "";
            md.AppendLine(Row($"{name} (`{method}{read["Path"]}`, {read["As"]})", s => Read(s, name) is { } m && m["P50Ms"] is not null
                ? Invariant($"{(double)m["P50Ms"]!:F1} / {(double)m["P95Ms"]!:F1} ms ({(double)m["FirstMs"]!:F0} ms){(m["HostCpuMs"] is null ? "" : Invariant($"; CPU {(double)m["HostCpuMs"]!:F1} + {(double)m["PostgresCpuMs"]!:F1} ms"))}")
                : (string?)Read(s, name)?["Status"] ?? ""));
        }
        md.AppendLine(Row("intake", s => Rate(s) is { } r ? Invariant($"{r:F0}/s") : "not run"))
            .AppendLine(Row("CPU a report (host + PostgreSQL)", Cpu))
            .AppendLine(Row("load average (1 min)", s => (string)s["LoadAverage"]!))
            .AppendLine();
    }

    /// Each measure's cost relative to the smallest size (a read's p50; intake's time a report,
    /// 1 / rate), against the number of work items on a log scale; the targets as dashed lines.
    public static string Chart(JsonNode scaling)
    {
        var sizes = Sizes(scaling);
        const int width = 760, height = 420, left = 60, right = 230, top = 40, bottom = 60;
        var costs = ReadNames(sizes).Select(name => (Name: name, Values: sizes.Select(s => P50(s, name)).ToList()))
            .Append((Name: IntakeName + " (time a report)", Values: sizes.Select(s => Rate(s) is { } r ? 1 / r : (double?)null).ToList()));
        var series = costs.Select(x => (Name: x.Name, Points: x.Values.Select((v, i) =>
                (Items: (double)Items(sizes[i]), Ratio: v is { } value && x.Values[0] is { } baseline ? value / baseline : (double?)null)).ToList()))
            .ToList();
        var ratios = series.SelectMany(s => s.Points).Where(p => p.Ratio is > 0).Select(p => p.Ratio!.Value).DefaultIfEmpty(1).ToList();
        var (yLow, yHigh) = (Math.Min(-1, Math.Floor(Math.Log2(ratios.Min()))), Math.Max(2, Math.Ceiling(Math.Log2(ratios.Max()))));
        var (xLow, xHigh) = sizes.Count == 0 ? (4.0, 6.0) : (Math.Floor(Math.Log10(Items(sizes[0]))), Math.Ceiling(Math.Log10(Items(sizes[^1]))));
        if (xHigh <= xLow) xHigh = xLow + 1;
        double X(double items) => left + (Math.Log10(items) - xLow) / (xHigh - xLow) * (width - left - right);
        double Y(double ratio) => top + (yHigh - Math.Log2(ratio)) / (yHigh - yLow) * (height - top - bottom);
        string[] colours = ["#0b3d62", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#ff7f0e", "#17becf"];

        var svg = new StringBuilder(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">"));
        svg.Append("<title>Cost as data grows: each measure relative to the smallest size</title>")
            .Append(Invariant($"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>"))
            .Append(Invariant($"<text x=\"{left}\" y=\"22\" font-size=\"14\">Cost relative to {(sizes.Count == 0 ? "the smallest size" : Short(Items(sizes[0])) + " work items")} (log scales)</text>"));
        for (var e = yLow; e <= yHigh; e++)
        {
            var ratio = Math.Pow(2, e);
            svg.Append(Invariant($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(ratio):F1}\" y2=\"{Y(ratio):F1}\" stroke=\"#ddd\"/>"))
                .Append(Invariant($"<text x=\"{left - 6}\" y=\"{Y(ratio) + 4:F1}\" text-anchor=\"end\">{ratio:0.###}×</text>"));
        }
        for (var e = xLow; e <= xHigh; e++)
            svg.Append(Invariant($"<line x1=\"{X(Math.Pow(10, e)):F1}\" x2=\"{X(Math.Pow(10, e)):F1}\" y1=\"{top}\" y2=\"{height - bottom}\" stroke=\"#ddd\"/>"))
                .Append(Invariant($"<text x=\"{X(Math.Pow(10, e)):F1}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\">{Short(Math.Pow(10, e))}</text>"));
        svg.Append(Invariant($"<text x=\"{(left + width - right) / 2}\" y=\"{height - 16}\" text-anchor=\"middle\">work items (history events: ten times as many)</text>"));
        // The limits: a read at most 2 x, intake's time a report at most 1 / 0.9.
        foreach (var (ratio, label) in new[] { (ReadLimit, "reads' limit 2×"), (1 / IntakeLimit, "intake's limit") })
            svg.Append(Invariant($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(ratio):F1}\" y2=\"{Y(ratio):F1}\" stroke=\"#b00020\" stroke-dasharray=\"6 4\"/>"))
                .Append(Invariant($"<text x=\"{width - right - 4}\" y=\"{Y(ratio) - 4:F1}\" text-anchor=\"end\" fill=\"#b00020\">{label}</text>"));
        for (var i = 0; i < series.Count; i++)
        {
            var (name, points) = (series[i].Name, series[i].Points);
            var colour = colours[i % colours.Length];
            var drawn = points.Where(p => p.Ratio is > 0).Select(p => Invariant($"{X(p.Items):F1},{Y(p.Ratio!.Value):F1}")).ToList();
            var dashed = name.StartsWith(IntakeName, StringComparison.Ordinal) ? " stroke-dasharray=\"2 3\"" : "";
            if (drawn.Count > 1) svg.Append($"<polyline points=\"{string.Join(' ', drawn)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{dashed}/>");
            foreach (var p in drawn) svg.Append($"<circle cx=\"{p.Split(',')[0]}\" cy=\"{p.Split(',')[1]}\" r=\"3\" fill=\"{colour}\"/>");
            var last = points.LastOrDefault(p => p.Ratio is > 0);
            var y = top + 10 + i * 20;
            svg.Append(Invariant($"<line x1=\"{width - right + 14}\" x2=\"{width - right + 34}\" y1=\"{y - 4}\" y2=\"{y - 4}\" stroke=\"{colour}\" stroke-width=\"2\"{dashed}/>"))
                .Append(Invariant($"<text x=\"{width - right + 40}\" y=\"{y}\">{WebUtility.HtmlEncode(name)}{(last.Ratio is { } r ? $" {r:F2}×" : "")}</text>"));
        }
        return svg.Append("</svg>\n").ToString();
    }

    static List<JsonNode> Sizes(JsonNode? scaling) => scaling?["Sizes"]?.AsArray().Select(s => s!).ToList() ?? [];

    static long Items(JsonNode size) => (long)size["Items"]!;

    static IEnumerable<string> ReadNames(List<JsonNode> sizes) =>
        sizes.FirstOrDefault()?["Reads"]?.AsArray().Select(r => (string)r!["Name"]!) ??
        [ScalingSuite.InboxHead, ScalingSuite.InboxAdmin, ScalingSuite.InboxApi, ScalingSuite.Overview, ScalingSuite.History, ScalingSuite.Scan];

    static JsonNode? Read(JsonNode? size, string name) => size?["Reads"]?.AsArray().FirstOrDefault(r => (string)r!["Name"]! == name);

    static double? P50(JsonNode? size, string name) => (double?)Read(size, name)?["P50Ms"];

    static double? Rate(JsonNode? size) => (double?)size?["Intake"]?["PerSecond"];

    static string Cpu(JsonNode size) => size["Intake"] is { } i
        ? Invariant($"{(double)i["HostCpuMsPerReport"]!:F2} + {(double)i["PostgresCpuMsPerReport"]!:F2} ms") : "not run";

    static string Short(double n) => n switch
    {
        >= 1e6 => Invariant($"{n / 1e6:0.#}M"),
        >= 1e3 => Invariant($"{n / 1e3:0.#}k"),
        _ => Invariant($"{n:0}"),
    };

    static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
