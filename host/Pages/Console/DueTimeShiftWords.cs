using Routing.Rules.Rulesets;

namespace Routing.Host.Pages.Console;

/// What publishing a draft does to open items' due times, as the rules page says it:
/// "Publishing moves the due times of 12 open items (by up to 3 h later)."
internal static class DueTimeShiftWords
{
    public static string? Of(DueTimeShifts? shifts)
    {
        if (shifts is not { Items: > 0, EarliestShift: { } earliest, LatestShift: { } latest }) return null;
        var by = earliest >= TimeSpan.Zero ? $"by up to {Amount(latest)} later"
            : latest <= TimeSpan.Zero ? $"by up to {Amount(earliest)} earlier"
            : $"from {Amount(earliest)} earlier to {Amount(latest)} later";
        return $"Publishing moves the due times of {Words.Plural(shifts.Items, "open item")} ({by}).";
    }

    /// "3 h", "1 d 2 h", "45 min": the units that are not zero, to the minute.
    static string Amount(TimeSpan shift)
    {
        var minutes = (long)Math.Round(Math.Abs(shift.TotalMinutes), MidpointRounding.AwayFromZero);
        string[] parts = [Unit(minutes / (24 * 60), "d"), Unit(minutes / 60 % 24, "h"), Unit(minutes % 60, "min")];
        return parts.Any(p => p.Length > 0) ? string.Join(" ", parts.Where(p => p.Length > 0)) : "under 1 min";
    }

    static string Unit(long n, string unit) => n == 0 ? "" : $"{n} {unit}";
}
