using MathNet.Numerics.Distributions;
using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// A season is found whole (the circular scan over every run of months), wraps the year, pays
/// for having been chosen among 132 windows, and does not appear in noise.
public sealed class SeasonScanTests
{
    static readonly PatternOptions Defaults = new();

    /// 1,000 units a month; `high` complaints a month in the given months, `low` in the others.
    static (long[] Complaints, long[] Units) Year(int[] months, long high, long low, long units = 1_000) =>
        ([.. Enumerable.Range(1, 12).Select(m => months.Contains(m) ? high : low)], [.. Enumerable.Repeat(units, 12)]);

    [Fact]
    public void A_winter_whose_single_months_are_not_significant_is_found_as_November_to_March()
    {
        // 10 complaints a month from November to March, 4 otherwise: 78 in all.
        var (complaints, units) = Year([11, 12, 1, 2, 3], 10, 4);

        // Alone, each winter month is 10 of 78 where 1/12 were expected: P(X ≥ 10) for
        // binomial(78, 1/12) = 0.113181264114526 (python3, exact Fraction sum), not significant,
        // so testing months one by one and merging the flagged ones found no season at all.
        var november = RateTest.Compare(10, 1_000, 68, 11_000)!;
        Assert.Equal(0.113181264114526, november.PValue, 12);
        Assert.Equal(ExactBinomial.AtLeast(10, 78, 1, 12), november.PValue, 12);

        var (season, rate) = SeasonScan.Find(complaints, units)!.Value;

        Assert.Equal([11, 12, 1, 2, 3], season.Months);
        Assert.Equal("Nov–Mar", season.Words);
        // 50 complaints on 5,000 units (1.0%) against 28 on 7,000 (0.4%).
        Assert.Equal((50L, 5_000L, 28L, 7_000L), (rate.Complaints, rate.UnitsSold, rate.BaselineComplaints, rate.BaselineUnitsSold));
        Assert.Equal(2.5, rate.Ratio!.Value, 12);
        // The window alone: P(X ≥ 50) for binomial(78, 5/12) = 5.3638677652587e-05; chosen among
        // 132 windows, its p-value is 132 times that: 0.00708030545014154.
        Assert.Equal(132 * ExactBinomial.AtLeast(50, 78, 5, 12), rate.PValue, 12);
        Assert.Equal(0.00708030545014154, rate.PValue, 12);
        Assert.True(PatternRule.Flags(rate, rate.PValue, Defaults));
    }

    [Fact]
    public void A_season_across_the_turn_of_the_year_is_one_season()
    {
        var (complaints, units) = Year([12, 1, 2], 9, 3, units: 2_000);

        var (season, rate) = SeasonScan.Find(complaints, units)!.Value;

        Assert.Equal((12, 2), (season.First, season.Last));
        Assert.Equal("Dec–Feb", season.Words);
        Assert.Equal((27L, 6_000L), (rate.Complaints, rate.UnitsSold));
        // P(X ≥ 27) for binomial(54, 3/12), times 132 = 0.00877558214415507.
        Assert.Equal(0.00877558214415507, rate.PValue, 12);
    }

    [Fact]
    public void The_season_is_the_window_with_the_highest_likelihood_ratio()
    {
        // Nov–Mar: 50 complaints where 78 × 5/12 = 32.5 were expected, 28 where 45.5 were:
        // 50 ln(50 / 32.5) + 28 ln(28 / 45.5) = 7.944926962735096.
        Assert.Equal(7.944926962735096, SeasonScan.LogLikelihoodRatio(50, 32.5, 78), 12);
        // Fewer than expected is no season at all, however far from it.
        Assert.Equal(0, SeasonScan.LogLikelihoodRatio(10, 32.5, 78));
        // The window picked beats every other: one month more or less scores lower.
        Assert.True(SeasonScan.LogLikelihoodRatio(54, 39, 78) < 7.944926962735096); // Oct–Mar: 54 where 78 × 6/12 were expected
        Assert.True(SeasonScan.LogLikelihoodRatio(40, 26, 78) < 7.944926962735096); // Dec–Mar: 40 where 26 were
    }

    [Fact]
    public void Chosen_among_132_windows_a_weak_window_is_no_season()
    {
        Assert.Equal(12 * 11, SeasonScan.Windows);
        // Two months a little high: alone p is below 0.05, but 132 times it is above 1: capped at 1.
        var (complaints, units) = Year([6, 7], 8, 4);
        var (season, rate) = SeasonScan.Find(complaints, units)!.Value;
        Assert.Equal("Jun–Jul", season.Words);
        var alone = RateTest.Compare(16, 2_000, 40, 10_000)!.PValue;
        Assert.True(alone < 0.05, $"the window alone: p = {alone}");
        Assert.Equal(Math.Min(1, 132 * alone), rate.PValue, 12);
        Assert.False(PatternRule.Flags(rate, rate.PValue, Defaults));
    }

    [Fact]
    public void No_excess_or_nothing_to_compare_is_no_season()
    {
        Assert.Null(SeasonScan.Find(new long[12], Enumerable.Repeat(1_000L, 12).ToArray()));
        Assert.Null(SeasonScan.Find(Enumerable.Repeat(5L, 12).ToArray(), Enumerable.Repeat(1_000L, 12).ToArray())); // flat
        Assert.Null(SeasonScan.Find(Enumerable.Repeat(5L, 12).ToArray(), new long[12]));
        Assert.Throws<ArgumentException>(() => SeasonScan.Find(new long[11], new long[11]));
    }

    /// One noisy product's seasons: 40 regions and all regions together, complaints drawn at the
    /// same 0.5% of units every month; the q-values of its 41 season p-values.
    static (int rawSeasons, int flagged) NoisyScan(int seed)
    {
        var random = new Random(seed);
        var all = (Complaints: new long[12], Units: new long[12]);
        var found = new List<RateComparison>();
        for (var r = 0; r < 40; r++)
        {
            var (complaints, units) = (new long[12], new long[12]);
            for (var m = 0; m < 12; m++)
            {
                units[m] = random.Next(100, 5_000);
                complaints[m] = Poisson.Sample(random, units[m] * 0.005);
                (all.Complaints[m], all.Units[m]) = (all.Complaints[m] + complaints[m], all.Units[m] + units[m]);
            }
            if (SeasonScan.Find(complaints, units) is var (_, rate)) found.Add(rate);
        }
        if (SeasonScan.Find(all.Complaints, all.Units) is var (_, allRate)) found.Add(allRate);

        var q = FalseDiscovery.QValues([.. found.Select(f => f.PValue)]);
        // What the window's own p-value would have said: "significant" almost everywhere.
        var raw = found.Count(f => f.PValue / SeasonScan.Windows <= 0.05);
        return (raw, found.Where((f, i) => PatternRule.Flags(f, q[i], Defaults)).Count());
    }

    [Fact]
    public void A_noisy_product_has_no_season_scan_after_scan()
    {
        var scans = Enumerable.Range(1, 20).Select(NoisyScan).ToList();

        // The best of 132 windows looks significant in most places of every scan when taken alone…
        Assert.All(scans, s => Assert.True(s.rawSeasons >= 10, $"only {s.rawSeasons} raw seasons: the noise is too tame to test anything"));
        // …and, paid for, is a season in none.
        Assert.All(scans, s => Assert.Equal(0, s.flagged));
    }
}
