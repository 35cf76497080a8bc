namespace Routing.Engine.Patterns;

/// A segment's complaint rate against the product's rate outside the segment, with the exact
/// one-sided p-value that the segment's rate is higher (see RateTest).
/// Ratio is null when there is no baseline to divide by: nothing was complained about outside
/// the segment, so the segment's rate is infinitely many times zero (or, with no complaints at
/// all, 0 ÷ 0). A number would be made up; the sentence says "against none elsewhere" instead,
/// and the p-value still ranks the segment. Null, not Infinity, because JSON has no Infinity.
internal sealed record RateComparison(
    long Complaints, long UnitsSold, long BaselineComplaints, long BaselineUnitsSold,
    double Rate, double BaselineRate, double? Ratio, double PValue);
