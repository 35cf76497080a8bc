namespace Routing.Engine.Effectiveness;

/// Units sold in a window that need not start or end on a month's edge, from monthly units sold:
/// each month contributes its units × (its days in the window ÷ its days), as if sales were
/// even through the month. 15 days of a 30-day month with 3,000 units sold count 1,500.
internal static class DailyUnits
{
    /// monthlyUnits: units sold by month as yyyymm (202611 for November 2026), as MonthlySales
    /// keeps them. The window is [from, to). A month with no figure counts as nothing sold: an
    /// after-window whose sales are not imported yet has too little exposure to judge, which is
    /// the honest answer (inconclusive), not a made-up rate.
    public static double InWindow(IReadOnlyDictionary<int, long> monthlyUnits, DateOnly from, DateOnly to)
    {
        if (to <= from)
            return 0;
        double units = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month < to; month = month.AddMonths(1))
        {
            if (!monthlyUnits.TryGetValue(month.Year * 100 + month.Month, out var sold))
                continue;
            var next = month.AddMonths(1);
            var start = from > month ? from : month;
            var end = to < next ? to : next;
            var days = end.DayNumber - start.DayNumber;
            units += (double)sold * days / (next.DayNumber - month.DayNumber);
        }
        return units;
    }
}
