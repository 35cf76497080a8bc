using System.Globalization;
using System.Text;
using Routing.Engine.Patterns;
using static Routing.Host.Pages.Console.ChartSvg;

namespace Routing.Host.Pages.Console;

/// A candidate's segment against its baseline, month by month, as a line chart: SVG drawn here,
/// no script (the console's CSP allows none inline), scaled to its box (viewBox) so that it
/// fits a phone. The segment is a solid red line with dots, elsewhere a dashed blue line with
/// squares: told apart without colour too. The page shows the same numbers in a table.
internal static class PatternChart
{
    const double Width = 400, Height = 230, Left = 46, Right = 30, Top = 34, Bottom = 26;
    const string Segment = "#b00020", Baseline = "#0b3d62";
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// title: the chart's accessible name; segment, baseline: the two lines' names in its legend.
    public static string Draw(IReadOnlyList<PatternMonth> months, string id, string title, string segment, string baseline)
    {
        var svg = new StringBuilder($"<svg role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\">");
        svg.Append($"<title id=\"{id}-title\">{Text(title)}</title>");
        var top = Math.Max(months.Max(m => Math.Max(m.Rate ?? 0, m.BaselineRate ?? 0)), 1e-9);
        var scale = Nice(top);
        double X(int i) => months.Count == 1 ? (Left + Width - Right) / 2 : Left + i * (Width - Left - Right) / (months.Count - 1);
        double Y(double rate) => Height - Bottom - rate / scale * (Height - Top - Bottom);

        // The scale: 0, half and the top, in percent, as many digits as they need ("0.25%").
        foreach (var tick in new[] { 0, scale / 2, scale })
            svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(tick))}\" y2=\"{N(Y(tick))}\" stroke=\"{Grid}\"></line>")
                .Append($"<text x=\"{N(Left - 4)}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{(tick * 100).ToString("0.####", Invariant)}%</text>");
        // At most five month labels ("Nov 2025" takes a fifth of the width), the last month always among them.
        var every = Math.Max(1, (int)Math.Ceiling(months.Count / 5.0));
        for (var i = months.Count - 1; i >= 0; i -= every)
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{PatternWords.Month(months[i].Month)}</text>");

        LineStyle segmentLine = new(Segment, Dashed: false, LineMark.Dot), baselineLine = new(Baseline, Dashed: true, LineMark.Square);
        Line(svg, [.. months.Select(m => m.BaselineRate)], X, Y, baselineLine);
        Line(svg, [.. months.Select(m => m.Rate)], X, Y, segmentLine);
        Legend(svg, Left, [(segment, segmentLine), (baseline, baselineLine)]);
        return svg.Append("</svg>").ToString();
    }
}
