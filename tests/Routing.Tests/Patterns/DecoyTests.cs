using MathNet.Numerics.Distributions;
using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// What must not become a pattern: a tiny market, and a product whose many segments are all at
/// its usual rate, where testing everything at p ≤ 0.05 would flag one segment in twenty.
public sealed class DecoyTests
{
    static readonly PatternOptions Defaults = new();

    [Fact]
    public void Two_complaints_on_forty_units_is_not_a_pattern()
    {
        // 5% against 0.5% elsewhere is ten times the rate, but on 2 complaints: P(X ≥ 2) for
        // binomial(502, 40/100,040) = 0.017614861418413 (python3, exact Fraction sum).
        var rate = RateTest.Compare(2, 40, 500, 100_000)!;

        Assert.Equal(0.017614861418413, rate.PValue, 12);
        Assert.Equal(10.0, rate.Ratio!.Value, 9);
        Assert.False(PatternRule.Flags(rate, rate.PValue, Defaults)); // even untested for the rest of the scan
    }

    [Fact]
    public void Four_of_the_value_with_a_huge_ratio_is_under_the_minimum_count()
    {
        var table = ReportingRatio.Of(4, 6, 2, 9_998)!;

        Assert.True(PatternRule.IsEvansSignal(table, Defaults)); // Evans alone (a ≥ 3) would flag it
        Assert.False(PatternRule.Flags(table, table.PValue, Defaults));
    }

    /// One product's scan: each of 40 regions, and each region's 12 months, against the rest of
    /// the product; complaints drawn at the same 0.5% everywhere, except where planted.
    static (int raw, List<string> flagged) Scan(int seed, int plantedRegion = -1, double plantedRate = 0)
    {
        var random = new Random(seed);
        var units = new long[40, 12];
        var complaints = new long[40, 12];
        for (var r = 0; r < 40; r++)
            for (var m = 0; m < 12; m++)
            {
                units[r, m] = random.Next(100, 5_000);
                var rate = r == plantedRegion ? plantedRate : 0.005;
                complaints[r, m] = Poisson.Sample(random, units[r, m] * rate);
            }

        long totalK = 0, totalN = 0;
        foreach (var k in complaints) totalK += k;
        foreach (var n in units) totalN += n;

        var tests = new List<(string segment, RateComparison rate)>();
        for (var r = 0; r < 40; r++)
        {
            long k = 0, n = 0;
            for (var m = 0; m < 12; m++)
            {
                k += complaints[r, m];
                n += units[r, m];
                tests.Add(($"region {r}, month {m + 1}", RateTest.Compare(complaints[r, m], units[r, m], totalK - complaints[r, m], totalN - units[r, m])!));
            }
            tests.Add(($"region {r}", RateTest.Compare(k, n, totalK - k, totalN - n)!));
        }

        var q = FalseDiscovery.QValues(tests.Select(t => t.rate.PValue).ToList());
        var raw = tests.Count(t => t.rate.PValue <= 0.05 && t.rate.Complaints >= Defaults.MinimumComplaints);
        var flagged = tests.Where((t, i) => PatternRule.Flags(t.rate, q[i], Defaults)).Select(t => t.segment).ToList();
        return (raw, flagged);
    }

    [Fact]
    public void A_noisy_product_at_its_usual_rate_yields_no_pattern_after_false_discovery_control()
    {
        // 20 scans of 520 segments each. Without the correction, about one segment in twenty is
        // "significant" in every scan; with it, a scan with any flag at all should be rare
        // (at most 5% of scans when every segment is at baseline, BH 1995 Theorem 1).
        var scans = Enumerable.Range(1, 20).Select(seed => Scan(seed)).ToList();

        Assert.All(scans, s => Assert.True(s.raw >= 5, $"only {s.raw} raw flags: the noise is too tame to test anything"));
        Assert.True(scans.Count(s => s.flagged.Count > 0) <= 2, string.Join("; ", scans.SelectMany(s => s.flagged)));
    }

    [Fact]
    public void A_planted_region_stands_out_of_the_same_noise()
    {
        // The same noise with region 7 at 1% (twice the rate), 20 scans: the region is flagged
        // every time. Some flags elsewhere are expected (BH bounds their average share, it does
        // not forbid them): on average at most 5% of what is flagged.
        var scans = Enumerable.Range(1, 20).Select(seed => Scan(seed, plantedRegion: 7, plantedRate: 0.01).flagged).ToList();

        Assert.All(scans, flagged => Assert.Contains("region 7", flagged));
        var falseShare = scans.Average(flagged => (double)flagged.Count(s => !s.StartsWith("region 7", StringComparison.Ordinal)) / flagged.Count);
        Assert.True(falseShare <= 0.05, $"on average {falseShare:P1} of the flagged segments are not region 7");
    }
}
