using MathNet.Numerics;

namespace Routing.Engine.Patterns;

/// Disproportion where there is no denominator: units sold are not known per age group or
/// vendor, so compare shares of complaints instead, as pharmacovigilance does with spontaneous
/// reports. The proportional reporting ratio PRR = (a / (a + b)) ÷ (c / (c + d)) and Pearson's
/// χ² with Yates' continuity correction, as in Evans, Waller & Davis (2001), "Use of
/// proportional reporting ratios (PRRs) for signal generation from spontaneous adverse drug
/// reaction reports", Pharmacoepidemiol Drug Saf 10:483–486, whose signal rule is
/// PRR ≥ 2, χ² ≥ 4, a ≥ 3 (PatternRule). Yates, because a is often small and the correction
/// keeps the χ² from overstating small tables; the χ² is then comparable to the Evans cut-off.
internal static class ReportingRatio
{
    public static Disproportion? Of(long a, long b, long c, long d)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(a);
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfNegative(d);
        if (a + b == 0 || c + d == 0)
            return null;

        var share = (double)a / (a + b);
        var baselineShare = (double)c / (c + d);
        double? prr = c == 0 ? null : share / baselineShare;
        var chiSquare = YatesChiSquare(a, b, c, d);
        return new(a, b, c, d, share, baselineShare, prr, chiSquare, OneSided(chiSquare, share > baselineShare));
    }

    /// N (|ad − bc| − N/2)² ÷ ((a+b)(c+d)(a+c)(b+d)); the correction never goes past zero
    /// (a table as close to independence as counts allow has χ² 0). In doubles: the products
    /// of four margins overflow long at a few hundred thousand complaints each.
    static double YatesChiSquare(double a, double b, double c, double d)
    {
        var n = a + b + c + d;
        var margins = (a + b) * (c + d) * (a + c) * (b + d);
        if (margins == 0)
            return 0; // the value is everywhere or nowhere: no association to measure
        var gap = Math.Max(0, Math.Abs(a * d - b * c) - n / 2);
        return n * gap * gap / margins;
    }

    /// The χ²(1) upper tail is two-sided; a pattern is only ever an excess, so halve it when
    /// the share is above the baseline (as the rate test is one-sided) and give 1 otherwise.
    /// The upper regularized gamma Q(½, χ²/2) keeps tiny tails that 1 − CDF would round to 0.
    static double OneSided(double chiSquare, bool excess) =>
        excess ? SpecialFunctions.GammaUpperRegularized(0.5, chiSquare / 2) / 2 : 1.0;
}
