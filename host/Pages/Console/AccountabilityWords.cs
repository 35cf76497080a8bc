using System.Globalization;
using Routing.Engine.Metrics;

namespace Routing.Host.Pages.Console;

/// How the Accountability page names periods and says rates, hours and counts.
internal static class AccountabilityWords
{
    static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Interval(MetricsInterval interval) => interval == MetricsInterval.Month ? "month" : "week";

    /// A period under a chart: "23 Nov" (the week's Monday) or "Nov 2026".
    public static string Short(PeriodFigures period, MetricsInterval interval) =>
        period.Start.UtcDateTime.ToString(interval == MetricsInterval.Month ? "MMM yyyy" : "d MMM", Invariant);

    /// A period in a table: "Week of 23 Nov 2026" or "November 2026", and "(so far)" while it runs.
    public static string Long(PeriodFigures period, MetricsInterval interval) =>
        (interval == MetricsInterval.Month
            ? period.Start.UtcDateTime.ToString("MMMM yyyy", Invariant)
            : "Week of " + period.Start.UtcDateTime.ToString("d MMM yyyy", Invariant))
        + (period.Complete ? "" : " (so far)");

    /// "75% (3 of 4)", or "—" with nothing to divide by.
    public static string Rate(double? rate, int part, int whole) =>
        rate is { } r ? $"{Percent(r, "0")} ({part} of {whole})" : "—";

    public static string Span(TimeSpan? span) => span is { } s ? Words.Span(s) : "—";

    /// A scale's value in percent ("50%") or hours ("12 h"), as few digits as it needs.
    public static string Percent(double value) => Percent(value, "0.#");

    public static string Percent(double value, string format) => (value * 100).ToString(format, Invariant) + "%";
    public static string Hours(double value) => value.ToString("0.##", Invariant) + " h";
    /// A scale's value as a count: whole numbers only (a half-way mark of 2.5 items is left unlabelled).
    public static string Count(double value) => value % 1 == 0 ? value.ToString("N0", Invariant) : "";
}
