namespace Routing.Engine.Patterns;

/// Whether a tested segment is a candidate, once the scan's q-values are known. Both kinds
/// need the q-value within the false discovery rate and the minimum count; a disproportion
/// also needs the Evans signal (PRR, χ², count) so that a large but tiny excess over a big
/// table is not flagged just for being certain.
internal static class PatternRule
{
    public static bool Flags(RateComparison rate, double qValue, PatternOptions options) =>
        rate.Complaints >= options.MinimumComplaints
        && rate.Rate > rate.BaselineRate
        && qValue <= options.FalseDiscoveryRate;

    public static bool Flags(Disproportion table, double qValue, PatternOptions options) =>
        table.A >= options.MinimumComplaints
        && IsEvansSignal(table, options)
        && qValue <= options.FalseDiscoveryRate;

    /// Evans, Waller & Davis (2001): PRR ≥ 2, χ² ≥ 4, a ≥ 3 (with the defaults). A value never
    /// seen elsewhere (PRR null: infinitely disproportionate) passes the PRR part.
    public static bool IsEvansSignal(Disproportion table, PatternOptions options) =>
        (table.Prr is not { } prr || prr >= options.MinimumPrr)
        && table.ChiSquare >= options.MinimumChiSquare
        && table.A >= options.MinimumPrrComplaints;
}
