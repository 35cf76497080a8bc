using System.Globalization;
using Routing.Engine.Effectiveness;

namespace Routing.Host.Pages.Console;

/// An item's effectiveness in the console's words: the verdict as a badge says it (the report
/// page, the item page) and the criterion's numbers as the item page lists them.
internal static class EffectivenessWords
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// "Effective", "Not effective", "Inconclusive — for a CSM to decide", "Pending", "Judged by recurrence".
    public static string Verdict(EffectivenessView view)
    {
        if (view.Method == EffectivenessMethods.Recurrence)
            return view.Verdict switch
            {
                EffectivenessVerdicts.Effective => "Judged by recurrence: effective",
                EffectivenessVerdicts.NotEffective => "Judged by recurrence: not effective",
                _ => "Judged by recurrence",
            };
        return view.Verdict switch
        {
            EffectivenessVerdicts.Effective => "Effective",
            EffectivenessVerdicts.NotEffective => "Not effective",
            EffectivenessVerdicts.Inconclusive => view.Criterion?.DecidedBy is { } csm ? $"Inconclusive — decided by {csm}" : "Inconclusive — for a CSM to decide",
            _ => "Pending",
        };
    }

    /// The badge's class: the verdict, told apart by its words first and its colour second.
    public static string Badge(EffectivenessView view) => "verdict verdict-" + view.Verdict;

    /// How the fix is judged, after the verdict.
    public static string Method(EffectivenessView view) => view.Method == EffectivenessMethods.Measured
        ? "measured: the segment's complaints per unit sold after the fix against before it"
        : "by recurrence: without complaint data and units sold for the segment, a fix works when the pattern is not reported again";

    /// Whether a CSM's decision awaits: the check stayed inconclusive after its extended window.
    public static bool AwaitsDecision(EffectivenessView view) =>
        view.Criterion is { Verdict: EffectivenessVerdicts.Inconclusive, DecidedBy: null };

    /// "41 complaints on 3,900 units sold (1.05%), 2025-11-30 to 2026-11-29" (the last day included).
    public static string Rate(SegmentRate rate) =>
        $"{Words.Plural(rate.Complaints, "complaint")} on {Words.Plural((long)Math.Round(rate.UnitsSold), "unit")} sold"
        + (rate.Rate is { } r ? $" ({EffectivenessExplanation.Percent(r)})" : "") + $", {Period(rate.From, rate.To)}";

    /// [from, to) as the days it covers.
    public static string Period(DateOnly from, DateOnly to) =>
        $"{from.ToString("yyyy-MM-dd", Invariant)} to {to.AddDays(-1).ToString("yyyy-MM-dd", Invariant)}";

    /// "0.53%, tightened from the default 0.60%", "1.00%, loosened from the default 0.53% (with a note)".
    public static string Target(ItemEffectiveness c)
    {
        var target = EffectivenessExplanation.Percent(c.Target);
        var byDefault = EffectivenessExplanation.Percent(c.DefaultTarget);
        return c.Target > c.DefaultTarget ? $"{target}, loosened from the default {byDefault} (with a note the history keeps)"
            : c.Target < c.DefaultTarget ? $"{target}, tightened from the default {byDefault}"
            : $"{target}, the default (back to the baseline, or at least halved)";
    }

    public static string Baseline(ItemEffectiveness c) => c.BaselineRate is { } b
        ? $"{EffectivenessExplanation.Percent(b)} (the product's rate outside the segment)"
        : c.Segment.ByAttribute ? "none: units sold are not known per customer attribute, so halving alone is the default"
        : "none: the product sold nothing outside the segment, so halving alone is the default";

    /// "p < 0.001", "p = 0.031": as the explanation says it.
    /// A rate in complaints per 1,000 units, rounded down to three significant digits, so that
    /// typing it as the target never loosens the default it shows: 0.0052564 is "5.25".
    public static string PerThousand(double rate)
    {
        var perThousand = rate * 1000;
        if (perThousand <= 0) return "0";
        var scale = Math.Pow(10, 2 - Math.Floor(Math.Log10(perThousand)));
        return (Math.Floor(perThousand * scale) / scale).ToString("0.######", Invariant);
    }

    public static string P(double p) => p < 0.001 ? "p < 0.001" : $"p = {p.ToString("0.000", Invariant)}";

    public static string Watched(ItemEffectiveness c) =>
        $"{Period(c.AfterFrom, c.AfterTo)} ({Words.Plural(c.WindowDays, "day")}{(c.Months.Count > 0 ? " of the segment's months" : "")}"
        + (c.WindowDays < 30 ? ", shorter than the default 30, with a note the history keeps" : "")
        + (c.Extended ? ", extended once: too few units were sold" : "") + ")";

    public static string Needed(ItemEffectiveness c) => c.MinimumExposure is { } n
        ? $"{Words.Plural(n, "unit")} sold after the fix, to tell the target from the rate before"
        : "no number of units can tell the target from the rate before";

    /// The chart's caption: what is drawn and how each line is told apart.
    public static string Caption(EffectivenessView view, ItemEffectiveness c) =>
        $"Complaints per unit sold in {c.Segment.Words()}, {PatternWords.Month(view.Months[0].Month)} to {PatternWords.Month(view.Months[^1].Month)}: "
        + $"before the fix (red dots) and after it (green squares); the fix on {c.FixedAt.UtcDateTime.ToString("yyyy-MM-dd", Invariant)}, "
        + $"the target {EffectivenessExplanation.Percent(c.Target)} (dashed)"
        + (c.BaselineRate is { } b ? $" and the baseline {EffectivenessExplanation.Percent(b)} (dotted)." : ".");
}
