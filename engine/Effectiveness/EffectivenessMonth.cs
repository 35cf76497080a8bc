namespace Routing.Engine.Effectiveness;

/// One calendar month of a segment, for the chart of its rate before and after a fix: the
/// complaints received and the units sold in it (yyyymm, as MonthlySales keeps months).
/// Imported: its units sold are imported (a month without them, or out of the segment's season,
/// counts in no rate).
internal sealed record EffectivenessMonth(int Month, long Complaints, double UnitsSold, bool Imported = true)
{
    /// Null when nothing was sold that month (or its sales are not imported yet).
    public double? Rate => UnitsSold == 0 ? null : Complaints / UnitsSold;
}
