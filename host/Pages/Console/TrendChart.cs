using System.Text;
using static Routing.Host.Pages.Console.ChartSvg;

namespace Routing.Host.Pages.Console;

/// A few figures period by period as a line chart (the Accountability page's): SVG drawn here,
/// no script, scaled to its box (viewBox) so that it fits a phone. Each line has its own colour,
/// dash and mark, named in the legend above the plot; a period without a value breaks its line.
/// The page shows the same numbers in a table beside it.
internal static class TrendChart
{
    const double Width = 400, Bottom = 26, Left = 50, Right = 24;
    // Told apart without colour: the first line solid with dots, the second dashed with squares, and so on.
    static readonly LineStyle[] Styles =
    [
        new("#0b3d62", Dashed: false, LineMark.Dot),
        new("#b00020", Dashed: true, LineMark.Square),
        new("#1b6e3a", Dashed: false, LineMark.Triangle),
        new("#6a3d9a", Dashed: true, LineMark.Diamond),
    ];

    /// labels: one a period, as many as each series has values. tick: how the scale's values read
    /// ("50%", "12 h"). title: the chart's accessible name.
    public static string Draw(IReadOnlyList<string> labels, IReadOnlyList<TrendSeries> series, string id, string title, Func<double, string> tick)
    {
        if (series.Count is 0 or > 4 || series.Any(s => s.Values.Count != labels.Count))
            throw new ArgumentException("One to four series, each with a value per label.", nameof(series));
        var top = 20 + 15 * series.Count;
        var height = top + 170 + Bottom;
        var svg = new StringBuilder($"<svg role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" font-family=\"system-ui, sans-serif\">");
        svg.Append($"<title id=\"{id}-title\">{Text(title)}</title>");
        var highest = series.SelectMany(s => s.Values).Max(v => v ?? 0);
        var scale = highest > 0 ? Nice(highest) : 1;
        double X(int i) => labels.Count == 1 ? (Left + Width - Right) / 2 : Left + i * (Width - Left - Right) / (labels.Count - 1);
        double Y(double value) => height - Bottom - value / scale * (height - top - Bottom);

        // The scale: 0, half and the top.
        foreach (var value in new[] { 0, scale / 2, scale })
            svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\" stroke=\"{Grid}\"></line>")
                .Append($"<text x=\"{N(Left - 4)}\" y=\"{N(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{Text(tick(value))}</text>");
        // At most six period labels ("23 Nov" or "Nov 2026"), the last period always among them.
        foreach (var i in Labelled(labels.Count))
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{N(height - 8)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Text(labels[i])}</text>");

        for (var s = series.Count - 1; s >= 0; s--)
            Line(svg, series[s].Values, X, Y, Style(series[s], s));
        Legend(svg, Left, [.. series.Select((s, i) => (s.Name, Style(s, i)))]);
        return svg.Append("</svg>").ToString();
    }

    /// The periods that get a label: every so many, counted back from the last, at most six.
    public static IEnumerable<int> Labelled(int count)
    {
        var every = Math.Max(1, (int)Math.Ceiling(count / 6.0));
        for (var i = count - 1; i >= 0; i -= every)
            yield return i;
    }

    static LineStyle Style(TrendSeries series, int index) => Styles[index] with { Dashed = series.Dashed };
}

/// One line of a trend chart: its name in the legend, a value per period (null: none), and
/// whether it is dashed.
internal sealed record TrendSeries(string Name, IReadOnlyList<double?> Values, bool Dashed);
