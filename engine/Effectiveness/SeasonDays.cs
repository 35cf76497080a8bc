namespace Routing.Engine.Effectiveness;

/// An observation window counted in the segment's own months: a winter fix resolved in April
/// watches 30 days of next winter, not 30 days of summer that say nothing about it.
internal static class SeasonDays
{
    /// The end (exclusive) of `days` in-season days from `from`. At most ten years on: a season
    /// always comes round within one.
    public static DateOnly End(DateOnly from, int days, IReadOnlyList<int> months)
    {
        if (months.Count == 0) return from.AddDays(days);
        var day = from;
        for (var counted = 0; counted < days && day < from.AddYears(10); day = day.AddDays(1))
            if (months.Contains(day.Month)) counted++;
        return day;
    }

    /// The first in-season day on or after `from` (when the watching starts).
    public static DateOnly Start(DateOnly from, IReadOnlyList<int> months)
    {
        var day = from;
        while (months.Count > 0 && !months.Contains(day.Month) && day < from.AddYears(1)) day = day.AddDays(1);
        return day;
    }
}
