using Routing.Engine.Effectiveness;

namespace Routing.Tests.Effectiveness;

/// The target after-rate: back to the baseline or at least halved, whichever is higher.
public sealed class EffectivenessTargetTests
{
    const double Before = 20.0 / 1_000; // 2% before the fix; halved, 1%

    static void Close(double expected, double actual) => Assert.Equal(expected, actual, 12);

    [Fact]
    public void A_baseline_below_half_the_before_rate_leaves_the_halving()
    {
        // max(0.5%, 2% / 2 = 1%) = 1%: back to 0.5% would ask more than halving.
        Close(0.01, EffectivenessTarget.DefaultFor(Before, 0.005));
    }

    [Fact]
    public void A_baseline_above_half_the_before_rate_is_the_target()
    {
        // max(1.5%, 1%) = 1.5%: back to the rest of the product's rate is enough.
        Close(0.015, EffectivenessTarget.DefaultFor(Before, 0.015));
    }

    [Fact]
    public void Without_a_baseline_the_target_is_half_the_before_rate() =>
        Close(0.01, EffectivenessTarget.DefaultFor(Before, null));

    [Fact]
    public void A_tighter_target_from_the_department_is_taken_without_a_note()
    {
        var target = EffectivenessTarget.Choose(Before, 0.005, departmentTarget: 0.008);

        Close(0.008, target.Target);
        Close(0.01, target.Default);
        Assert.False(target.Loosens);
    }

    [Fact]
    public void A_looser_target_is_flagged_so_the_caller_asks_for_a_note()
    {
        var target = EffectivenessTarget.Choose(Before, 0.005, departmentTarget: 0.012);

        Close(0.012, target.Target);
        Close(0.01, target.Default);
        Assert.True(target.Loosens);
    }

    [Fact]
    public void No_department_target_is_the_default()
    {
        var target = EffectivenessTarget.Choose(Before, 0.015, departmentTarget: null);

        Close(0.015, target.Target);
        Assert.False(target.Loosens);
    }
}
