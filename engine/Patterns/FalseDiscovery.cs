namespace Routing.Engine.Patterns;

/// A scan tests hundreds of segments at once; at p ≤ 0.05 one in twenty segments at baseline
/// would look like a pattern. Benjamini & Hochberg (1995), "Controlling the false discovery
/// rate", J R Stat Soc B 57:289–300: flag the segments whose q-value is at most the chosen
/// rate, and on average at most that share of the flagged are flukes. The q-value of the
/// i-th smallest of m p-values is min over j ≥ i of m·p(j)/j, capped at 1 (the step-up rule
/// written as adjusted p-values, like R's p.adjust(p, "BH")); "q ≤ 0.05" then gives exactly
/// the segments the step-up procedure rejects at 0.05.
internal static class FalseDiscovery
{
    /// The q-values in the order the p-values were given.
    public static double[] QValues(IReadOnlyList<double> pValues)
    {
        foreach (var p in pValues)
            if (!(p >= 0 && p <= 1))
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "A p-value is between 0 and 1.");

        var m = pValues.Count;
        var byP = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var q = new double[m];
        var smallestAbove = 1.0;
        // From the largest p down, so each q is the least over its own and every larger rank:
        // that keeps q in the same order as p (a smaller p never gets a larger q).
        for (var rank = m; rank >= 1; rank--)
        {
            var i = byP[rank - 1];
            smallestAbove = Math.Min(smallestAbove, pValues[i] * m / rank);
            q[i] = smallestAbove;
        }
        return q;
    }
}
