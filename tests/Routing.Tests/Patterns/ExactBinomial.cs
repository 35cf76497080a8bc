using System.Numerics;

namespace Routing.Tests.Patterns;

/// The binomial upper tail by explicit summation in whole numbers, independent of MathNet:
/// P(X ≥ k) for X ~ binomial(m, p) with p = num / den is
/// Σ_{i=k..m} C(m, i) num^i (den − num)^(m−i) ÷ den^m, summed exactly, divided once at the end.
static class ExactBinomial
{
    public static double AtLeast(int k, int m, long num, long den)
    {
        BigInteger sum = 0, choose = 1; // choose = C(m, i), built up from C(m, 0) = 1
        for (var i = 0; i <= m; i++)
        {
            if (i >= k)
                sum += choose * BigInteger.Pow(num, i) * BigInteger.Pow(den - num, m - i);
            choose = choose * (m - i) / (i + 1);
        }
        // Through logarithms: the tail can be far below the smallest double's reach as a quotient.
        return Math.Exp(BigInteger.Log(sum) - BigInteger.Log(BigInteger.Pow(den, m)));
    }
}
