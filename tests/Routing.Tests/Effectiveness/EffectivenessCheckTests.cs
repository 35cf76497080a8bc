using Routing.Engine.Effectiveness;

namespace Routing.Tests.Effectiveness;

/// The three verdicts, on the example: 41 complaints on 3,900 units in September before
/// the fix (1.05%), against 300 on 100,000 elsewhere (0.3%). The target is
/// max(0.3%, 1.05% / 2 = 41/7,800 = 0.526%) = 0.526%.
public sealed class EffectivenessCheckTests
{
    static readonly SegmentRate September = new(41, 3_900, new(2026, 9, 1), new(2026, 10, 1));

    static readonly EffectivenessCriterion Criterion = EffectivenessCriterion.Fix(September, (300, 100_000));

    static SegmentRate After(long complaints, double units) => new(complaints, units, new(2026, 10, 1), new(2026, 10, 31));

    [Fact]
    public void The_criterion_is_halving_over_thirty_days()
    {
        Assert.Equal(41.0 / 7_800, Criterion.Target.Target, 12);
        Assert.False(Criterion.Target.Loosens);
        Assert.Equal(0.003, Criterion.BaselineRate!.Value, 12);
        Assert.Equal(TimeSpan.FromDays(30), Criterion.Window);
        Assert.Equal(MinimumExposure.Units(41, 3_900, 41.0 / 7_800), Criterion.MinimumExposure);
    }

    [Fact]
    public void A_looser_target_is_kept_with_the_flag()
    {
        var loose = EffectivenessCriterion.Fix(September, (300, 100_000), departmentTarget: 0.008);

        Assert.True(loose.Target.Loosens);
        Assert.Equal(0.008, loose.Target.Target);
    }

    [Fact]
    public void A_fall_of_93_percent_is_effective()
    {
        // P(X ≤ 3), X ~ binomial(44, 41/80) = 3.08e-10 (RateDropTestTests); 0.073% ≤ 0.526%.
        var result = EffectivenessCheck.Judge(Criterion, After(3, 4_100));

        Assert.Equal(EffectivenessVerdict.Effective, result.Verdict);
        Assert.Equal(3.075076109285099e-10, result.PValue, 1e-18);
        Assert.Equal(
            "After the fix 3 complaints on 4,100 units (0.073%) against 41 on 3,900 (1.05%) before; " +
            "the rate fell 93%, p < 0.001, target 0.53%: effective.", result.Explanation);
    }

    [Fact]
    public void A_rate_above_the_target_on_enough_units_is_not_effective()
    {
        // 30 on 4,000 (0.75%): down 29%, but above 0.526%, and P(X ≤ 30), X ~ binomial(71, 40/79)
        // = 0.0978 (python3, exact fractions) is not below 0.05 either.
        var result = EffectivenessCheck.Judge(Criterion, After(30, 4_000));

        Assert.True(Criterion.MinimumExposure <= 4_000);
        Assert.Equal(EffectivenessVerdict.NotEffective, result.Verdict);
        Assert.Equal(0.09779646849890505, result.PValue, 1e-12);
        Assert.Equal(
            "After the fix 30 complaints on 4,000 units (0.75%) against 41 on 3,900 (1.05%) before; " +
            "the rate fell 29%, p = 0.098, target 0.53%: not effective (above the target).", result.Explanation);
    }

    [Fact]
    public void A_significant_fall_short_of_a_tighter_target_is_not_effective()
    {
        // The department asked for 0.1%; 10 on 4,000 (0.25%) is significantly lower than 1.05%
        // but not down to 0.1%.
        var tight = EffectivenessCriterion.Fix(September, (300, 100_000), departmentTarget: 0.001);
        var result = EffectivenessCheck.Judge(tight, After(10, 4_000));

        Assert.False(tight.Target.Loosens);
        Assert.True(result.PValue < 0.05);
        Assert.Equal(EffectivenessVerdict.NotEffective, result.Verdict);
    }

    [Fact]
    public void Too_few_units_are_inconclusive()
    {
        // 1 on 300 (0.33%): under the target, but P(X ≤ 1), X ~ binomial(42, 300/4,200 = 1/14)
        // = 0.188 (python3, exact fractions), and 300 units are below the minimum exposure.
        var result = EffectivenessCheck.Judge(Criterion, After(1, 300));

        Assert.Equal(EffectivenessVerdict.Inconclusive, result.Verdict);
        Assert.Equal(0.18821864197239851, result.PValue, 1e-12);
        Assert.Equal(
            "After the fix 1 complaint on 300 units (0.33%) against 41 on 3,900 (1.05%) before; " +
            $"the rate fell 68%, p = 0.188, target 0.53%; 300 of the {Criterion.MinimumExposure:N0} units needed to judge: inconclusive.",
            result.Explanation);
    }

    [Fact]
    public void A_clear_fall_counts_before_the_minimum_exposure()
    {
        // No complaint on 1,000 units: P(X ≤ 0) = (3,900/4,900)^41 = 8.4e-5, and 0% ≤ the target.
        var result = EffectivenessCheck.Judge(Criterion, After(0, 1_000));

        Assert.True(Criterion.MinimumExposure > 1_000);
        Assert.Equal(Math.Pow(3_900.0 / 4_900, 41), result.PValue, 1e-15);
        Assert.Equal(EffectivenessVerdict.Effective, result.Verdict);
    }

    [Fact]
    public void A_criterion_no_exposure_can_meet_is_inconclusive_and_says_why()
    {
        // 5 on 1,000 before with no baseline: halving to 0.25% can never be shown (MinimumExposureTests).
        // 2 on 1,000 after: P(X ≤ 2), X ~ binomial(7, 1/2) = (1 + 7 + 21) / 128 = 0.2265625.
        var few = EffectivenessCriterion.Fix(new(5, 1_000, new(2026, 9, 1), new(2026, 10, 1)), baseline: null);
        var result = EffectivenessCheck.Judge(few, After(2, 1_000));

        Assert.Null(few.MinimumExposure);
        Assert.Equal(EffectivenessVerdict.Inconclusive, result.Verdict);
        Assert.Equal(0.2265625, result.PValue, 1e-12);
        Assert.Equal(
            "After the fix 2 complaints on 1,000 units (0.20%) against 5 on 1,000 (0.50%) before; the rate fell 60%, " +
            "p = 0.227, target 0.25%; no number of units after the fix can show the target against 5 complaints before: inconclusive.",
            result.Explanation);
    }

    [Fact]
    public void Nothing_sold_after_the_fix_is_inconclusive()
    {
        var result = EffectivenessCheck.Judge(Criterion, After(0, 0));

        Assert.Equal(EffectivenessVerdict.Inconclusive, result.Verdict);
        Assert.Equal(1.0, result.PValue);
        Assert.StartsWith("After the fix 0 complaints on 0 units against 41 on 3,900 (1.05%) before; nothing sold yet, p = 1.000", result.Explanation);
    }

    /// 4 complaints on 4,000 before: no number of units after can show a halving (MinimumExposure
    /// is null), yet a clear rise is still a verdict.
    static readonly EffectivenessCriterion Few = EffectivenessCriterion.Fix(new(4, 4_000, new(2026, 9, 1), new(2026, 10, 1)), null);

    [Fact]
    public void A_clear_rise_is_not_effective_however_few_units_it_is_seen_on()
    {
        Assert.Null(Few.MinimumExposure);
        // 40 on 4,000 after: P(X ≥ 40), X ~ binomial(44, 1/2) = 1.0e-8: a rise.
        Assert.Equal(EffectivenessVerdict.NotEffective, EffectivenessCheck.Judge(Few, After(40, 4_000)).Verdict);
        // 2 on 1,000 after: P(X ≥ 2), X ~ binomial(6, 1/5) = 1 − 0.8⁶ − 6 · 0.2 · 0.8⁵ = 0.345: no clear rise.
        Assert.Equal(0.34464, RateDropTest.RiseP(2, 1_000, 4, 4_000), 9);
        Assert.Equal(EffectivenessVerdict.Inconclusive, EffectivenessCheck.Judge(Few, After(2, 1_000)).Verdict);
    }
}
