using System.Globalization;
using System.Text;
using Routing.Engine.Metrics;
using static Routing.Host.Pages.Console.ChartSvg;

namespace Routing.Host.Pages.Console;

/// A department's backlog by age at the end of each period, as stacked bars: SVG drawn here, no
/// script, scaled to its box so that it fits a phone. The youngest items are at the bottom; each
/// age has its own shade and pattern (plain, stripes, dots, cross-hatch), so the ages are told
/// apart without colour too. The page shows the same numbers in a table beside it.
internal static class BacklogChart
{
    const double Width = 400, Height = 250, Left = 50, Right = 24, Top = 44, Bottom = 26;

    /// The ages, youngest first: the name in the legend, the shade, and the pattern drawn over it in white.
    static readonly (string Name, string Shade, string? Pattern)[] Ages =
    [
        ("0–2 days", "#9ecae1", null),
        ("3–7 days", "#4292c6", "<path d=\"M-1 1L1 -1M0 6L6 0M5 7L7 5\" stroke=\"#fff\" stroke-width=\"1.2\"></path>"),
        ("8–30 days", "#2166ac", "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#fff\"></circle>"),
        ("over 30 days", "#08306b", "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#fff\" stroke-width=\"1\"></path>"),
    ];

    /// labels: one a period, as many as backlogs. title: the chart's accessible name.
    public static string Draw(IReadOnlyList<string> labels, IReadOnlyList<Backlog> backlogs, string id, string title)
    {
        if (labels.Count != backlogs.Count || labels.Count == 0)
            throw new ArgumentException("A backlog per label, at least one.", nameof(backlogs));
        var svg = new StringBuilder($"<svg role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {Height}\" width=\"100%\" font-family=\"system-ui, sans-serif\">");
        svg.Append($"<title id=\"{id}-title\">{Text(title)}</title><defs>");
        for (var a = 0; a < Ages.Length; a++)
            if (Ages[a].Pattern is { } pattern)
                svg.Append($"<pattern id=\"{id}-age{a}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"{Ages[a].Shade}\"></rect>{pattern}</pattern>");
        svg.Append("</defs>");
        string Fill(int age) => Ages[age].Pattern is null ? Ages[age].Shade : $"url(#{id}-age{age})";

        var highest = backlogs.Max(b => b.Total);
        var scale = highest > 0 ? Nice(highest) : 1;
        var step = (Width - Left - Right) / labels.Count;
        var bar = Math.Min(28, step * 0.6);
        double X(int i) => Left + (i + 0.5) * step;
        double Y(double count) => Height - Bottom - count / scale * (Height - Top - Bottom);

        // The scale: 0, half and the top, whole items only.
        foreach (var value in new[] { 0, scale / 2, scale })
        {
            svg.Append($"<line x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{N(Y(value))}\" y2=\"{N(Y(value))}\" stroke=\"{Grid}\"></line>");
            if (value % 1 == 0)
                svg.Append($"<text x=\"{N(Left - 4)}\" y=\"{N(Y(value) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"{Ink}\">{value.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        }
        foreach (var i in TrendChart.Labelled(labels.Count))
            svg.Append($"<text x=\"{N(X(i))}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"{Ink}\">{Text(labels[i])}</text>");

        for (var i = 0; i < backlogs.Count; i++)
        {
            int[] counts = [backlogs[i].Days0To2, backlogs[i].Days3To7, backlogs[i].Days8To30, backlogs[i].Over30];
            var below = 0;
            for (var age = 0; age < counts.Length; age++)
            {
                if (counts[age] == 0) continue;
                var (y, height) = (Y(below + counts[age]), Y(below) - Y(below + counts[age]));
                svg.Append($"<rect x=\"{N(X(i) - bar / 2)}\" y=\"{N(y)}\" width=\"{N(bar)}\" height=\"{N(height)}\" fill=\"{Fill(age)}\" stroke=\"{Ink}\" stroke-width=\"0.75\"></rect>");
                below += counts[age];
            }
        }

        // The legend, above the plot: two ages a row.
        for (var age = 0; age < Ages.Length; age++)
        {
            var (x, y) = (Left + age % 2 * 150, 4 + age / 2 * 17);
            svg.Append($"<rect x=\"{N(x)}\" y=\"{y}\" width=\"14\" height=\"12\" fill=\"{Fill(age)}\" stroke=\"{Ink}\" stroke-width=\"0.75\"></rect>")
                .Append($"<text x=\"{N(x + 20)}\" y=\"{y + 10}\" font-size=\"12\" fill=\"{Ink}\">{Ages[age].Name}</text>");
        }
        return svg.Append("</svg>").ToString();
    }
}
