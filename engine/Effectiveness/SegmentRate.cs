namespace Routing.Engine.Effectiveness;

/// A segment's complaints over the units it sold between From (inclusive) and To (exclusive):
/// the rate before a fix, or after it. Units are a double because units after a fix are
/// pro-rated by day from monthly sales (DailyUnits).
internal sealed record SegmentRate(long Complaints, double UnitsSold, DateOnly From, DateOnly To)
{
    /// Null when nothing was sold: no units, no rate.
    public double? Rate => UnitsSold == 0 ? null : Complaints / UnitsSold;
}
