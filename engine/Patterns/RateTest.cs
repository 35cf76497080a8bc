using MathNet.Numerics;

namespace Routing.Engine.Patterns;

/// Is a segment's complaint rate (k complaints on n units) higher than the product's rate
/// outside it (K complaints on N units)? The exact comparison of two Poisson rates
/// (Przyborowski & Wilenski 1940, Biometrika 31:313–323; the conditional "C-test" of Lehmann &
/// Romano, Testing Statistical Hypotheses, ch. 4):
/// given the k + K complaints there are, if both places fail at the same rate each complaint
/// lands in the segment with probability p = n / (n + N), so k is binomial(k + K, p) and the
/// one-sided p-value is P(X ≥ k). This is what R's poisson.test(c(k, K), c(n, N),
/// alternative = "greater") computes. Exact, because segments are often small: a normal
/// approximation would call 3 complaints in a small market significant far too easily.
internal static class RateTest
{
    /// Null when the segment or the rest of the product sold nothing: with no units there is
    /// no rate, and a complaint there says the units-sold data are missing, not that the
    /// product fails.
    public static RateComparison? Compare(long complaints, long unitsSold, long baselineComplaints, long baselineUnitsSold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(complaints);
        ArgumentOutOfRangeException.ThrowIfNegative(unitsSold);
        ArgumentOutOfRangeException.ThrowIfNegative(baselineComplaints);
        ArgumentOutOfRangeException.ThrowIfNegative(baselineUnitsSold);
        if (unitsSold == 0 || baselineUnitsSold == 0)
            return null;

        var rate = (double)complaints / unitsSold;
        var baselineRate = (double)baselineComplaints / baselineUnitsSold;
        double? ratio = baselineComplaints == 0 ? null : rate / baselineRate;
        var share = (double)unitsSold / (unitsSold + baselineUnitsSold);
        return new(complaints, unitsSold, baselineComplaints, baselineUnitsSold,
            rate, baselineRate, ratio, AtLeast(complaints, complaints + baselineComplaints, share));
    }

    /// P(X ≥ k) for X ~ binomial(trials, p), through the regularized incomplete beta function
    /// I_p(k, trials − k + 1) rather than 1 − CDF, which rounds tiny tails to zero.
    internal static double AtLeast(long k, long trials, double p) =>
        k == 0 ? 1.0 : SpecialFunctions.BetaRegularized(k, trials - k + 1, p);

    /// P(X ≤ k) for X ~ binomial(trials, p): the other tail, for asking whether a rate fell
    /// (Effectiveness.RateDropTest). I_{1−p}(trials − k, k + 1), again not 1 − the upper tail.
    internal static double AtMost(long k, long trials, double p) =>
        k >= trials || p == 0 ? 1.0 : SpecialFunctions.BetaRegularized(trials - k, k + 1, 1 - p);
}
