using Routing.Engine.Effectiveness;

namespace Routing.Tests.Effectiveness;

/// The fewest units after a fix that can show its target against the rate before it.
public sealed class MinimumExposureTests
{
    [Fact]
    public void A_target_of_none_matches_a_hand_search()
    {
        // 5 complaints on 1,000 units before, target 0: on n units after with no complaints,
        // p(n) = P(X ≤ 0) = (1000 / (n + 1000))⁵. p < 0.05 ⇔ n + 1000 > 1000 × 20^(1/5) = 1,820.56.
        //   n = 820: (1000/1820)⁵ = 0.05008 — not yet;  n = 821: (1000/1821)⁵ = 0.04994 — enough.
        Assert.Equal(0.050077548481083846, MinimumExposure.PValueAtTarget(820, 5, 1_000, 0), 12);
        Assert.Equal(0.049940199281131185, MinimumExposure.PValueAtTarget(821, 5, 1_000, 0), 12);
        Assert.Equal(821, MinimumExposure.Units(5, 1_000, 0));
    }

    [Fact]
    public void At_a_whole_count_the_search_uses_the_exact_binomial_tail()
    {
        // 20 complaints on 1,000 before, target 1%: at n = 1,000 the target is 10 complaints, and
        // p = P(X ≤ 10) for X ~ binomial(30, 1/2) = Σ_{i≤10} C(30, i) / 2³⁰ = 26,504,551 / 2²⁹
        // = 0.049368573… < 0.05, so the minimum is at most 1,000 units.
        Assert.Equal(26_504_551.0 / (1 << 29), MinimumExposure.PValueAtTarget(1_000, 20, 1_000, 0.01), 12);
        var units = MinimumExposure.Units(20, 1_000, 0.01)!.Value;

        Assert.InRange(units, 2, 1_000);
        Assert.True(MinimumExposure.PValueAtTarget(units, 20, 1_000, 0.01) < 0.05);
        Assert.True(MinimumExposure.PValueAtTarget(units - 1, 20, 1_000, 0.01) >= 0.05);
    }

    [Fact]
    public void The_issues_example_needs_1382_units()
    {
        // 41 on 3,900 before, target 41/7,800: the same search with mpmath's regularized
        // incomplete beta, betainc(41, t·n + 1, 0, 3900/(n + 3900), regularized=True), gives
        // p(1,381) = 0.050027 and p(1,382) = 0.049965.
        Assert.Equal(1_382, MinimumExposure.Units(41, 3_900, 41.0 / 7_800));
        Assert.Equal(0.0499648972852574, MinimumExposure.PValueAtTarget(1_382, 41, 3_900, 41.0 / 7_800), 9);
    }

    [Fact]
    public void The_p_value_at_the_target_falls_as_units_grow()
    {
        // The bisection relies on it: checked on a grid for the issue's example (41 on 3,900
        // before, target halved to 0.526%).
        var previous = 1.0;
        for (long n = 50; n <= 50_000; n += 50)
        {
            var p = MinimumExposure.PValueAtTarget(n, 41, 3_900, 41.0 / 7_800);
            Assert.True(p <= previous, $"p rose at {n} units: {previous} → {p}");
            previous = p;
        }
    }

    [Fact]
    public void Too_few_complaints_before_can_never_show_a_halving()
    {
        // 5 complaints before, halved: even endless units after leave p at
        // P(Poisson(2.5) ≥ 5) = 1 − e^−2.5 (1 + 2.5 + 3.125 + 2.604 + 1.628) = 0.1088 > 0.05.
        Assert.Null(MinimumExposure.Units(5, 1_000, 0.0025));
    }

    [Theory]
    [InlineData(0, 1_000, 0.001)]  // nothing before to fall from
    [InlineData(20, 1_000, 0.02)]  // a target at the before-rate is no fall
    [InlineData(20, 1_000, 0.03)]  // nor one above it
    public void Some_criteria_have_no_minimum(long complaints, double units, double target) =>
        Assert.Null(MinimumExposure.Units(complaints, units, target));
}
