namespace Routing.Engine.Patterns;

/// How much more often a value (an age group, an accessibility need, a vendor…) appears among
/// a product's complaints than among complaints elsewhere, from the 2×2 table
/// <code>
///                      with the value   other values
///   this product             a               b
///   elsewhere                c               d
/// </code>
/// Prr is null when the value never appears elsewhere (c = 0): the share elsewhere is zero and
/// there is nothing to divide by (JSON has no Infinity); χ² and the p-value still rank it.
/// PValue is one-sided, for an excess (see ReportingRatio).
internal sealed record Disproportion(
    long A, long B, long C, long D,
    double Share, double BaselineShare, double? Prr, double ChiSquare, double PValue);
