using Routing.Engine.Patterns;

namespace Routing.Tests.Patterns;

/// The proportional reporting ratio and Yates' χ² of a 2×2 table, and the Evans signal rule.
public sealed class ReportingRatioTests
{
    static readonly PatternOptions Defaults = new();

    static void Close(double expected, double actual, double relative = 1e-9) =>
        Assert.True(Math.Abs(actual - expected) <= relative * expected, $"expected {expected:R}, got {actual:R}");

    /// Pearson's χ² with Yates' correction the textbook way: Σ (|O − E| − ½)² / E over the four
    /// cells, E = row total × column total ÷ N; a different route from the closed form in the code.
    static double YatesByExpectedCounts(double a, double b, double c, double d)
    {
        var n = a + b + c + d;
        double Cell(double observed, double row, double column)
        {
            var expected = row * column / n;
            var gap = Math.Abs(observed - expected) - 0.5;
            return gap * gap / expected;
        }
        return Cell(a, a + b, a + c) + Cell(b, a + b, b + d) + Cell(c, c + d, a + c) + Cell(d, c + d, b + d);
    }

    [Fact]
    public void Visually_impaired_users_of_the_heater()
    {
        // 14 of the heater's 120 quality complaints name a visual impairment; 210 of 10,000
        // elsewhere. PRR = (14/120) ÷ (210/10,000) = 0.11667 ÷ 0.021 = 5.5556 (= 50/9).
        // Yates: N = 10,120, ad − bc = 137,060 − 22,260 = 114,800,
        // χ² = 10,120 × (114,800 − 5,060)² ÷ (120 × 10,000 × 224 × 9,896) = 45.81645396047465
        // (python3, Fraction). Without Yates it would be 50.139; the code uses Yates (Evans 2001).
        var table = ReportingRatio.Of(14, 106, 210, 9_790)!;

        Close(50.0 / 9, table.Prr!.Value);
        Close(45.81645396047465, table.ChiSquare);
        Close(YatesByExpectedCounts(14, 106, 210, 9_790), table.ChiSquare);
        // One-sided: half the χ²(1) upper tail, erfc(√(χ²/2)) ÷ 2 (python3 math.erfc) = 6.4934e-12.
        Close(6.493406155931306e-12, table.PValue, 1e-6);
        Assert.True(PatternRule.IsEvansSignal(table, Defaults));
    }

    [Fact]
    public void A_table_close_to_independence_has_chi_square_zero()
    {
        // 10 of 100 here, 100 of 1,000 elsewhere: the same share; |ad − bc| = 0 < N/2, and the
        // correction stops at zero instead of turning the gap around.
        var table = ReportingRatio.Of(10, 90, 100, 900)!;

        Assert.Equal(1.0, table.Prr);
        Assert.Equal(0.0, table.ChiSquare);
        Assert.Equal(1.0, table.PValue); // no excess: nothing to find
        Assert.False(PatternRule.IsEvansSignal(table, Defaults));
    }

    [Fact]
    public void A_moderate_table_matches_the_textbook_computation()
    {
        // 8 of 40 against 30 of 600: PRR = 0.2 ÷ 0.05 = 4; χ² from expected counts.
        var table = ReportingRatio.Of(8, 32, 30, 570)!;

        Close(4.0, table.Prr!.Value);
        Close(YatesByExpectedCounts(8, 32, 30, 570), table.ChiSquare);
        // N = 640, ad − bc = 4,560 − 960 = 3,600; (3,600 − 320)² × 640 ÷ (40 × 600 × 38 × 602)
        // = 3,280² × 640 ÷ 549,024,000 = 6,885,376,000 ÷ 549,024,000 = 12.5411…
        Close(6_885_376_000.0 / 549_024_000, table.ChiSquare);
        Assert.True(PatternRule.IsEvansSignal(table, Defaults));
    }

    [Fact]
    public void A_share_below_elsewhere_is_never_a_signal()
    {
        var table = ReportingRatio.Of(2, 198, 300, 2_700)!; // 1% against 10%

        Assert.True(table.ChiSquare > 4);
        Assert.Equal(1.0, table.PValue);
        Assert.False(PatternRule.IsEvansSignal(table, Defaults));
    }

    [Theory]
    [InlineData(2, 8, 1, 989, false)]  // PRR 49, but only 2 complaints: a < 3
    [InlineData(3, 97, 20, 980, false)] // PRR 1.5: under 2
    [InlineData(6, 94, 20, 980, true)]  // PRR 3, χ² = 4.689 (Yates, python3 Fraction)
    public void The_Evans_rule_needs_all_three(long a, long b, long c, long d, bool signal) =>
        Assert.Equal(signal, PatternRule.IsEvansSignal(ReportingRatio.Of(a, b, c, d)!, Defaults));

    [Fact]
    public void A_value_never_seen_elsewhere_has_no_ratio_but_can_still_signal()
    {
        var table = ReportingRatio.Of(6, 94, 0, 1_000)!;

        Assert.Null(table.Prr);
        Assert.True(PatternRule.IsEvansSignal(table, Defaults));
    }

    [Fact]
    public void A_product_without_complaints_or_nothing_elsewhere_has_no_table()
    {
        Assert.Null(ReportingRatio.Of(0, 0, 5, 100));
        Assert.Null(ReportingRatio.Of(5, 100, 0, 0));
    }
}
