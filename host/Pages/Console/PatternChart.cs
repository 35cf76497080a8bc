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
    const string Segment = "#b00020", Baseline = "#0b3d62", Ink = "#1a1a1a", Grid = "#d0d0d0";
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

        Line(svg, months.Select(m => m.BaselineRate).ToList(), X, Y, Baseline, dashed: true);
        Line(svg, months.Select(m => m.Rate).ToList(), X, Y, Segment, dashed: false);

        // The legend, above the plot.
        svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Left + 22)}\" y1=\"10\" y2=\"10\" stroke=\"{Segment}\" stroke-width=\"2.5\"></line>")
            .Append($"<circle cx=\"{N(Left + 11)}\" cy=\"10\" r=\"3\" fill=\"{Segment}\"></circle>")
            .Append($"<text x=\"{N(Left + 28)}\" y=\"14\" font-size=\"12\" fill=\"{Ink}\">{Text(segment)}</text>")
            .Append($"<line x1=\"{N(Left)}\" x2=\"{N(Left + 22)}\" y1=\"25\" y2=\"25\" stroke=\"{Baseline}\" stroke-width=\"2\" stroke-dasharray=\"5 3\"></line>")
            .Append($"<rect x=\"{N(Left + 8)}\" y=\"22\" width=\"6\" height=\"6\" fill=\"{Baseline}\"></rect>")
            .Append($"<text x=\"{N(Left + 28)}\" y=\"29\" font-size=\"12\" fill=\"{Ink}\">{Text(baseline)}</text>");
        return svg.Append("</svg>").ToString();
    }

    /// One line through the months that have a value, broken where one has none (nothing sold,
    /// or a month outside the segment's season), with a mark on every point.
    static void Line(StringBuilder svg, List<double?> values, Func<int, double> x, Func<double, double> y, string colour, bool dashed)
    {
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1)
                svg.Append($"<polyline points=\"{string.Join(" ", run)}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{(dashed ? "2" : "2.5")}\"{(dashed ? " stroke-dasharray=\"5 3\"" : "")}></polyline>");
            run.Clear();
        }
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } value)
            {
                Flush();
                continue;
            }
            var (px, py) = (x(i), y(value));
            run.Add($"{N(px)},{N(py)}");
            svg.Append(dashed
                ? $"<rect x=\"{N(px - 2.5)}\" y=\"{N(py - 2.5)}\" width=\"5\" height=\"5\" fill=\"{colour}\"></rect>"
                : $"<circle cx=\"{N(px)}\" cy=\"{N(py)}\" r=\"3\" fill=\"{colour}\"></circle>");
        }
        Flush();
    }
}
