using Routing.Engine.Effectiveness;
using Routing.Tests.Patterns;

namespace Routing.Tests.Effectiveness;

/// The exact one-sided test that the rate after a fix is below the rate before it.
public sealed class RateDropTestTests
{
    static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-9 * expected, $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void No_complaints_after_on_as_many_units_has_p_one_half_to_the_fifth()
    {
        // 5 complaints on 1,000 units before, none on 1,000 after. Were the rate unchanged, each
        // of the 5 falls after the fix with p = 1000/2000 = 1/2, so P(X ≤ 0) = 0.5⁵ = 0.03125.
        Close(0.03125, RateDropTest.PValue(0, 1_000, 5, 1_000));
    }

    [Fact]
    public void One_in_four_summed_by_hand()
    {
        // 1 complaint on 1,000 units after, 4 on 3,000 before: p = 1000/4000 = 1/4, 5 trials.
        // P(X ≤ 1) = 0.75⁵ + 5 × 0.25 × 0.75⁴ = 0.2373046875 + 0.3955078125 = 0.6328125.
        Close(0.6328125, RateDropTest.PValue(1, 1_000, 4, 3_000));
    }

    [Fact]
    public void Matches_R_poisson_test_less()
    {
        // R: poisson.test(c(2, 20), c(1000, 1000), alternative = "less")$p.value.
        // X ~ binomial(22, 1/2): P(X ≤ 2) = (C(22,0) + C(22,1) + C(22,2)) / 2²²
        //   = (1 + 22 + 231) / 4,194,304 = 254 / 4,194,304 = 6.0558319091796875e-05.
        Close(254.0 / 4_194_304, RateDropTest.PValue(2, 1_000, 20, 1_000));
    }

    [Fact]
    public void The_issues_example_matches_the_exact_sum()
    {
        // 3 complaints on 4,100 units after, 41 on 3,900 before: X ~ binomial(44, 4100/8000 = 41/80).
        // P(X ≤ 3) = Σ_{i≤3} C(44, i) (41/80)^i (39/80)^(44−i) = 3.075076109285099e-10 (python3,
        // exact fractions); the same as P(Y ≥ 41) for the before-count Y = 44 − X ~ binomial(44, 39/80),
        // summed in whole numbers by the pattern tests' ExactBinomial.
        var p = RateDropTest.PValue(3, 4_100, 41, 3_900);

        Close(3.075076109285099e-10, p);
        Close(ExactBinomial.AtLeast(41, 44, 39, 80), p);
    }

    [Fact]
    public void A_rate_that_rose_is_nowhere_near_significant()
    {
        // 20 on 1,000 after, 2 on 1,000 before: the lower tail is almost everything.
        Assert.InRange(RateDropTest.PValue(20, 1_000, 2, 1_000), 0.9999, 1.0);
    }

    [Fact]
    public void Nothing_sold_after_the_fix_has_p_one() =>
        Assert.Equal(1.0, RateDropTest.PValue(0, 0, 41, 3_900));
}
