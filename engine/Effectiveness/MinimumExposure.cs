using MathNet.Numerics;

namespace Routing.Engine.Effectiveness;

/// The fewest units sold after a fix that can tell its target from the rate before it: the
/// smallest n for which, were the after-rate exactly the target t (t·n complaints on n units),
/// the exact one-sided RateDropTest against the K complaints on N units before would give
/// p < 0.05. Fewer units cannot show even a fix that worked as intended, so below this the
/// check is inconclusive rather than "not effective".
///
/// t·n is rarely a whole count, so the binomial lower tail is taken in its continuous form,
/// the regularized incomplete beta function it is made of:
/// p(n) = I_x(K, t·n + 1) with x = N / (n + N), which is P(X ≤ k) for X ~ binomial(k + K, n / (n + N))
/// whenever k = t·n is whole, and runs smoothly between. The search doubles n from 1 until
/// p(n) < 0.05, then bisects between the last two doublings for the fewest such n: about
/// 2 log₂ n evaluations. It relies on p(n) falling as n grows, which holds for t below the
/// before-rate (more units at a lower rate are more evidence; a test checks it on a grid).
///
/// Some criteria can never be met: with few complaints before, even endless units after
/// cannot show a halving. As n → ∞, p(n) falls to P(Y ≥ K) for Y ~ Poisson(t·N) — the chance
/// of K complaints before when the target rate held then too — so the minimum exists only when
/// that limit is below 0.05 (5 complaints before, halved: P(Poisson(2.5) ≥ 5) = 0.109, never).
/// Then Units is null and the caller says why.
internal static class MinimumExposure
{
    public const double Alpha = 0.05;

    // 2^50 units: a search past any product's sales means the limit is within rounding of α.
    const long Ceiling = 1L << 50;

    public static long? Units(long beforeComplaints, double beforeUnits, double target)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(beforeComplaints);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(beforeUnits);
        ArgumentOutOfRangeException.ThrowIfNegative(target);
        if (beforeComplaints == 0 || target >= beforeComplaints / beforeUnits)
            return null; // nothing before to fall from, or a target that is no fall
        if (SpecialFunctions.GammaLowerRegularized(beforeComplaints, target * beforeUnits) >= Alpha)
            return null;

        long high = 1;
        while (PValueAtTarget(high, beforeComplaints, beforeUnits, target) >= Alpha)
        {
            if (high >= Ceiling)
                return null;
            high *= 2;
        }
        var low = high / 2; // p(low) ≥ α, or low = 0 where p = 1
        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (PValueAtTarget(middle, beforeComplaints, beforeUnits, target) < Alpha)
                high = middle;
            else
                low = middle;
        }
        return high;
    }

    /// p(n) above: the test's p-value had n units after the fix failed exactly at the target.
    internal static double PValueAtTarget(long afterUnits, long beforeComplaints, double beforeUnits, double target) =>
        afterUnits == 0 ? 1.0
            : SpecialFunctions.BetaRegularized(beforeComplaints, target * afterUnits + 1, beforeUnits / (afterUnits + beforeUnits));
}
