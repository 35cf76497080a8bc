namespace Routing.Engine.Patterns;

/// The season of a product, a category and a place (a region, or all regions): the run of
/// months of the year most out of line with the place's other months, found whole rather than
/// pieced together from months that each had to stand out alone (a winter whose single months
/// are weak came out as fragments, or not at all).
///
/// The circular temporal scan statistic (Kulldorff 1997, "A spatial scan statistic", Commun.
/// Stat. Theory Methods 26:1481–1496, with time as a circle of twelve months): every window of
/// 1 to 11 contiguous months, wrapping the year (12 first months × 11 lengths = 132 windows),
/// is scored by its Poisson log-likelihood ratio against the rest of the year, and the highest
/// is the season. The window is then tested exactly (RateTest) against the other months.
///
/// Having picked the best of 132 windows, its own p-value would be far too small: a year of
/// noise always has some run that looks high. The season's p-value is therefore the window's
/// exact p-value times 132 (Bonferroni), capped at 1: whatever the counts, the chance that any
/// of the 132 windows reaches p ≤ α / 132 is at most α, so the adjusted value is a valid
/// p-value for "this place has a season" and can go into Benjamini–Hochberg with the others.
/// Bonferroni rather than Kulldorff's Monte Carlo ranks: a Monte Carlo p-value cannot go below
/// 1 / (replications + 1), far above what Benjamini–Hochberg needs over thousands of segments,
/// and a strong season's exact tail stays tiny times 132. Overlapping windows make Bonferroni
/// conservative, never lenient.
internal static class SeasonScan
{
    public const int Windows = 12 * 11;

    /// complaints and units: the place's twelve months, January first. Null when no window has
    /// more complaints than its units predict, or nothing can be tested (no units, no complaints).
    public static (MonthRun Season, RateComparison Rate)? Find(IReadOnlyList<long> complaints, IReadOnlyList<long> units)
    {
        if (complaints.Count != 12 || units.Count != 12)
            throw new ArgumentException("Twelve months, January to December.");
        long totalComplaints = 0, totalUnits = 0;
        for (var m = 0; m < 12; m++) (totalComplaints, totalUnits) = (totalComplaints + complaints[m], totalUnits + units[m]);
        if (totalComplaints == 0 || totalUnits == 0) return null;

        (int First, int Length, long K, long N)? best = null;
        var bestScore = 0.0;
        for (var first = 0; first < 12; first++)
        {
            long k = 0, n = 0;
            for (var length = 1; length <= 11; length++)
            {
                var month = (first + length - 1) % 12;
                (k, n) = (k + complaints[month], n + units[month]);
                if (n == 0 || n == totalUnits) continue; // no rate inside, or none outside
                var score = LogLikelihoodRatio(k, (double)totalComplaints * n / totalUnits, totalComplaints);
                // Strictly higher: of equal windows the earliest first month, then the shortest, wins.
                if (score > bestScore) (best, bestScore) = ((first, length, k, n), score);
            }
        }
        if (best is not { } w) return null;

        var rate = RateTest.Compare(w.K, w.N, totalComplaints - w.K, totalUnits - w.N)!;
        var season = new MonthRun(w.First + 1, (w.First + w.Length - 1) % 12 + 1);
        return (season, rate with { PValue = Math.Min(1.0, rate.PValue * Windows) });
    }

    /// Kulldorff's Poisson log-likelihood ratio of k complaints inside a window expected to have
    /// `expected` of the `total`: 0 unless k is above what was expected (only an excess is a season).
    internal static double LogLikelihoodRatio(long k, double expected, long total)
    {
        if (k <= expected) return 0;
        var inside = k * Math.Log(k / expected);
        var rest = total - k;
        return rest == 0 ? inside : inside + rest * Math.Log(rest / (total - expected));
    }
}
