using System.Globalization;

namespace Routing.Engine.Patterns;

/// The sentence a CSM pastes into a report, numbers and all, so a reader who never opens
/// Routing sees what was compared with what:
/// "HX-200 heater, Michigan, Nov–Mar: 252 quality complaints on 9,000 units (2.8%) against
/// 0.4% elsewhere — 7.0× (q < 0.001)". Invariant culture: the sentence is the same on every
/// server, whatever its locale.
internal static class Explanation
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// segment: the parts that name the segment, in order ("Michigan", "Nov–Mar").
    public static string ForRate(string product, string category, IEnumerable<string> segment, RateComparison rate, double qValue) =>
        $"{Subject(product, segment)}: {Count(rate.Complaints, category + " complaint")} on {Count(rate.UnitsSold, "unit")} " +
        $"({Percent(rate.Rate)}) against {Baseline(rate.BaselineComplaints, rate.BaselineRate)}" +
        (rate.Ratio is { } ratio ? $" — {ratio.ToString("N1", Invariant)}×" : "") +
        $" ({Q(qValue)})";

    /// "HX-200 heater, accessibility: visually impaired: 14 of 120 quality complaints (11.7%)
    /// against 2.1% elsewhere — PRR 5.6, χ² 31.2 (q = 0.004)".
    public static string ForDisproportion(string product, string category, IEnumerable<string> segment, Disproportion table, double qValue) =>
        $"{Subject(product, segment)}: {table.A.ToString("N0", Invariant)} of {Count(table.A + table.B, category + " complaint")} " +
        $"({Percent(table.Share)}) against {Baseline(table.C, table.BaselineShare)} — " +
        (table.Prr is { } prr ? $"PRR {prr.ToString("N1", Invariant)}, " : "") +
        $"χ² {table.ChiSquare.ToString("N1", Invariant)} ({Q(qValue)})";

    /// A customer attribute as a segment part: "accessibility: visually impaired".
    public static string Attribute(string name, string value) => $"{name}: {value}";

    static string Subject(string product, IEnumerable<string> segment) => string.Join(", ", segment.Prepend(product));

    static string Count(long count, string noun) => $"{count.ToString("N0", Invariant)} {noun}{(count == 1 ? "" : "s")}";

    // Nothing elsewhere is said in words: "0.0% elsewhere" would look like a rounding.
    static string Baseline(long count, double share) => count == 0 ? "none elsewhere" : $"{Percent(share)} elsewhere";

    /// One decimal ("2.8%", "0.4%"); below 0.1% two significant digits ("0.042%"), so a rate
    /// of a few per hundred thousand units does not print as 0.0%.
    internal static string Percent(double share)
    {
        var percent = share * 100;
        if (percent == 0)
            return "0%";
        if (percent >= 0.1)
            return percent.ToString("N1", Invariant) + "%";
        var decimals = 1 - (int)Math.Floor(Math.Log10(percent));
        return Math.Round(percent, decimals).ToString("0." + new string('#', decimals), Invariant) + "%";
    }

    /// Three decimals, and "q < 0.001" below that: more digits claim a precision the model has not.
    internal static string Q(double qValue) =>
        qValue < 0.001 ? "q < 0.001" : $"q = {qValue.ToString("0.000", Invariant)}";
}
