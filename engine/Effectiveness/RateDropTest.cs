using Routing.Engine.Patterns;

namespace Routing.Engine.Effectiveness;

/// Is the rate after a fix (k complaints on n units) below the rate before it (K on N)? The
/// same exact conditional comparison of two Poisson rates as the pattern scan's RateTest
/// (Przyborowski & Wilenski 1940), with the other tail: were both periods failing at the same
/// rate, each of the k + K complaints would fall after the fix with probability
/// p = n / (n + N), so the one-sided p-value is P(X ≤ k) for X ~ binomial(k + K, p).
/// As R's poisson.test(c(k, K), c(n, N), alternative = "less").
internal static class RateDropTest
{
    public static double PValue(long afterComplaints, double afterUnits, long beforeComplaints, double beforeUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterComplaints);
        ArgumentOutOfRangeException.ThrowIfNegative(afterUnits);
        ArgumentOutOfRangeException.ThrowIfNegative(beforeComplaints);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beforeUnits);
        var share = afterUnits / (afterUnits + beforeUnits);
        return RateTest.AtMost(afterComplaints, afterComplaints + beforeComplaints, share);
    }

    /// The other tail: did the rate rise? P(X ≥ k) for the same X — a fix after which the segment
    /// fails clearly more often is not effective, however few units it was seen on.
    public static double RiseP(long afterComplaints, double afterUnits, long beforeComplaints, double beforeUnits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterComplaints);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beforeUnits);
        if (afterComplaints == 0) return 1;
        var share = afterUnits / (afterUnits + beforeUnits);
        return Math.Max(0, 1 - RateTest.AtMost(afterComplaints - 1, afterComplaints + beforeComplaints, share));
    }
}
