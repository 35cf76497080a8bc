using System.Globalization;
using System.Net;

namespace Routing.Host.Pages.Console;

/// What the console's server-drawn charts (PatternChart, EffectivenessChart) write alike.
internal static class ChartSvg
{
    /// The scale's top: 1, 2 or 5 times a power of ten, at or above the highest value.
    public static double Nice(double top)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(top)));
        return new[] { 1, 2, 5, 10 }.Select(f => f * power).First(f => f >= top * (1 - 1e-12));
    }

    /// A coordinate to a tenth, whatever the culture.
    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    public static string Text(string text) => WebUtility.HtmlEncode(text);
}
