using System.Globalization;
using Routing.Engine.Patterns;

namespace Routing.Engine.Effectiveness;

/// The verdict in a sentence, numbers and all: "After the fix 3 complaints on 4,100 units
/// (0.073%) against 41 on 3,900 (1.05%) before; the rate fell 93%, p < 0.001, target 0.53%:
/// effective." Invariant culture, as the pattern scan's Explanation.
internal static class EffectivenessExplanation
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string For(
        EffectivenessVerdict verdict, SegmentRate before, SegmentRate after, double target, long? minimumExposure,
        double pValue, bool atTarget)
    {
        var numbers =
            $"After the fix {Count(after.Complaints, "complaint")} on {Count(after.UnitsSold, "unit")}" +
            (after.Rate is { } afterRate ? $" ({Percent(afterRate)})" : "") +
            $" against {Units(before.Complaints)} on {Units(before.UnitsSold)} ({Percent(before.Rate!.Value)}) before; " +
            $"{Change(before.Rate!.Value, after.Rate)}, {P(pValue)}, target {Percent(target)}";
        return numbers + verdict switch
        {
            EffectivenessVerdict.Effective => ": effective.",
            EffectivenessVerdict.NotEffective => atTarget
                ? ": not effective (not significantly lower)."
                : ": not effective (above the target).",
            _ => minimumExposure is { } needed
                ? $"; {Units(after.UnitsSold)} of the {Count(needed, "unit")} needed to judge: inconclusive."
                : $"; no number of units after the fix can show the target against {Count(before.Complaints, "complaint")} before: inconclusive.",
        };
    }

    static string Change(double before, double? after)
    {
        if (after is not { } rate)
            return "nothing sold yet";
        var change = Math.Round((rate - before) / before * 100);
        return change switch
        {
            < 0 => $"the rate fell {(-change).ToString("N0", Invariant)}%",
            > 0 => $"the rate rose {change.ToString("N0", Invariant)}%",
            _ => "the rate did not change",
        };
    }

    static string Units(double units) => Math.Round(units).ToString("N0", Invariant);

    static string Count(double count, string noun) => $"{Units(count)} {noun}{(Math.Round(count) == 1 ? "" : "s")}";

    /// Two decimals ("1.05%", "0.53%"): a fix is often judged between rates a few hundredths of
    /// a percent apart. Below 0.1%, two significant digits, as the scan's sentence.
    internal static string Percent(double rate) =>
        rate * 100 >= 0.1 ? (rate * 100).ToString("N2", Invariant) + "%" : Explanation.Percent(rate);

    static string P(double pValue) =>
        pValue < 0.001 ? "p < 0.001" : $"p = {pValue.ToString("0.000", Invariant)}";
}
