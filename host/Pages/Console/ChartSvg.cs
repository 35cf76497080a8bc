using System.Globalization;
using System.Net;
using System.Text;

namespace Routing.Host.Pages.Console;

/// What the console's server-drawn charts (PatternChart, EffectivenessChart, TrendChart,
/// BacklogChart) write alike: the scale, coordinates, text, and lines with their legend.
internal static class ChartSvg
{
    public const string Ink = "#1a1a1a", Grid = "#d0d0d0";

    /// The scale's top: 1, 2 or 5 times a power of ten, at or above the highest value.
    public static double Nice(double top)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(top)));
        return new[] { 1, 2, 5, 10 }.Select(f => f * power).First(f => f >= top * (1 - 1e-12));
    }

    /// A coordinate to a tenth, whatever the culture.
    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);

    /// One line through the points that have a value, broken where one has none, with a mark on
    /// every point: told apart from another line by its dash and its mark as well as its colour.
    public static void Line(StringBuilder svg, IReadOnlyList<double?> values, Func<int, double> x, Func<double, double> y, LineStyle style)
    {
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1)
                svg.Append($"<polyline points=\"{string.Join(" ", run)}\" fill=\"none\" stroke=\"{style.Colour}\" {Stroke(style)}></polyline>");
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
            Mark(svg, px, py, style);
        }
        Flush();
    }

    /// The lines' names above the plot, one a row from y = 10 down (15 apart), each beside a
    /// short stretch of its line and its mark.
    public static void Legend(StringBuilder svg, double left, IReadOnlyList<(string Name, LineStyle Style)> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var (name, style) = lines[i];
            var y = 10 + 15 * i;
            svg.Append($"<line x1=\"{N(left)}\" x2=\"{N(left + 22)}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{style.Colour}\" {Stroke(style)}></line>");
            Mark(svg, left + 11, y, style);
            svg.Append($"<text x=\"{N(left + 28)}\" y=\"{y + 4}\" font-size=\"12\" fill=\"{Ink}\">{Text(name)}</text>");
        }
    }

    static string Stroke(LineStyle style) =>
        style.Dashed ? "stroke-width=\"2\" stroke-dasharray=\"5 3\"" : "stroke-width=\"2.5\"";

    static void Mark(StringBuilder svg, double x, double y, LineStyle style) => svg.Append(style.Mark switch
    {
        LineMark.Dot => $"<circle cx=\"{N(x)}\" cy=\"{N(y)}\" r=\"3\" fill=\"{style.Colour}\"></circle>",
        LineMark.Square => $"<rect x=\"{N(x - 2.5)}\" y=\"{N(y - 2.5)}\" width=\"5\" height=\"5\" fill=\"{style.Colour}\"></rect>",
        LineMark.Triangle => $"<path d=\"M{N(x)} {N(y - 3.5)}L{N(x + 3.5)} {N(y + 3)}L{N(x - 3.5)} {N(y + 3)}Z\" fill=\"{style.Colour}\"></path>",
        _ => $"<path d=\"M{N(x)} {N(y - 4)}L{N(x + 4)} {N(y)}L{N(x)} {N(y + 4)}L{N(x - 4)} {N(y)}Z\" fill=\"{style.Colour}\"></path>",
    });
}
