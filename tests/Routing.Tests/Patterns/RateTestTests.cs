using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// The exact one-sided comparison of a segment's complaint rate with the rest of the product.
public sealed class RateTestTests
{
    static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * expected, $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void All_complaints_in_a_tenth_of_the_units_has_p_one_tenth_cubed()
    {
        // 3 complaints on 100 units, none on the other 900: each of the 3 lands in the segment
        // with p = 100/1000 = 0.1 if rates were equal, so P(all 3 there) = 0.1³ = 0.001.
        var rate = RateTest.Compare(3, 100, 0, 900)!;

        Close(0.001, rate.PValue);
        Assert.Equal(0.03, rate.Rate);
        Assert.Equal(0.0, rate.BaselineRate);
        Assert.Null(rate.Ratio); // infinitely many times zero: no number is made up
    }

    [Fact]
    public void The_tail_matches_a_hand_summed_binomial()
    {
        // 5 complaints on 250 units, 5 on 1,000 elsewhere: p = 250/1250 = 0.2, k = 5 of 10.
        // Σ_{i=5..10} C(10,i) 0.2^i 0.8^(10−i) = 320249/9765625 = 0.0327934976 exactly
        // (python3: sum(comb(10,i)*Fraction(1,5)**i*Fraction(4,5)**(10-i) for i in range(5,11))).
        var rate = RateTest.Compare(5, 250, 5, 1_000)!;

        Close(320249.0 / 9765625, rate.PValue);
        Close(4.0, rate.Ratio!.Value); // 2% against 0.5%
    }

    [Fact]
    public void The_issues_heater_in_Michigan_matches_the_exact_sum()
    {
        // 252 complaints on 9,000 units (2.8%) against 364 on 91,000 (0.4%): k = 252 of 616,
        // p = 9,000/100,000 = 9/100. Exact Fraction sum in python3: 1.345564300167893e-99.
        var rate = RateTest.Compare(252, 9_000, 364, 91_000)!;

        Close(ExactBinomial.AtLeast(252, 616, 9, 100), rate.PValue);
        Close(1.345564300167893e-99, rate.PValue);
        Close(7.0, rate.Ratio!.Value);
    }

    [Fact]
    public void A_larger_product_matches_the_exact_sum()
    {
        // 60 complaints on 10,000 units against 4,000 on 1,000,000: p = 1/101, k = 60 of 4,060.
        var rate = RateTest.Compare(60, 10_000, 4_000, 1_000_000)!;

        Close(ExactBinomial.AtLeast(60, 4_060, 1, 101), rate.PValue);
        Assert.InRange(rate.PValue, 1e-6, 1e-2); // 0.6% against 0.4%: out of line, not absurdly so
    }

    [Fact]
    public void A_segment_at_the_baseline_rate_is_not_significant()
    {
        // 40 on 10,000 and 400 on 100,000: the same 0.4%; about half the tail is at or above k.
        var rate = RateTest.Compare(40, 10_000, 400, 100_000)!;

        Close(ExactBinomial.AtLeast(40, 440, 1, 11), rate.PValue);
        Assert.InRange(rate.PValue, 0.4, 0.6);
        Close(1.0, rate.Ratio!.Value);
    }

    [Theory]
    // Millions of units, as a full scan meets them. The expected tails are sums in log space
    // with python3's math.lgamma: Σ exp(log C(m,i) + i log p + (m−i) log(1−p)) for i ≥ k.
    [InlineData(5_200, 1_000_000, 48_000, 9_000_000, 0.9595433459784768)]
    [InlineData(5_000, 1_000_000, 45_000, 9_000_000, 0.5021805921520689)]
    [InlineData(130, 20_000, 4_000, 1_000_000, 2.4486983136760554e-07)]
    public void Large_counts_keep_their_precision(long k, long n, long baselineK, long baselineN, double expected) =>
        Assert.True(Math.Abs(RateTest.Compare(k, n, baselineK, baselineN)!.PValue - expected) <= 1e-9 * expected);

    [Fact]
    public void No_complaints_in_the_segment_has_p_one()
    {
        var rate = RateTest.Compare(0, 5_000, 30, 10_000)!;

        Assert.Equal(1.0, rate.PValue);
        Assert.Equal(0.0, rate.Ratio);
    }

    [Fact]
    public void No_complaints_anywhere_has_no_ratio_and_p_one()
    {
        var rate = RateTest.Compare(0, 5_000, 0, 10_000)!;

        Assert.Equal(1.0, rate.PValue);
        Assert.Null(rate.Ratio);
    }

    [Theory]
    [InlineData(4, 0, 10, 1_000)] // complaints where nothing was sold: the units data are missing
    [InlineData(4, 100, 10, 0)]   // nothing sold outside the segment: no baseline
    public void Without_units_on_either_side_there_is_no_test(long k, long n, long baselineK, long baselineN) =>
        Assert.Null(RateTest.Compare(k, n, baselineK, baselineN));
}
