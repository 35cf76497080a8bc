namespace Routing.Engine.Patterns;

/// Months of the year whose complaint rate is out of line, merged into seasons: a heater that
/// fails from November to March is one pattern, not five, so contiguous flagged months make
/// one run, and December runs on into January.
internal static class SeasonalMonths
{
    /// flagged[0] is January … flagged[11] December. Runs come in calendar order of their
    /// first month; all twelve flagged is one run (all year), none flagged is no run.
    public static IReadOnlyList<MonthRun> Runs(IReadOnlyList<bool> flagged)
    {
        if (flagged.Count != 12)
            throw new ArgumentException($"Twelve months (January to December), not {flagged.Count}.", nameof(flagged));
        if (flagged.All(f => f))
            return [new MonthRun(1, 12)];

        // Start just after an unflagged month, so no run is cut in two at the year's end, and
        // the walk ends on that unflagged month, which closes the last run.
        var start = Enumerable.Range(0, 12).First(i => !flagged[i]) + 1;
        var runs = new List<MonthRun>();
        int? first = null;
        for (var step = 0; step < 12; step++)
        {
            var i = (start + step) % 12;
            if (flagged[i])
                first ??= i;
            else if (first is { } f)
            {
                runs.Add(new MonthRun(f + 1, i == 0 ? 12 : i)); // i is the month after the run (0-based)
                first = null;
            }
        }
        return runs.OrderBy(r => r.First).ToList();
    }
}
