namespace Routing.Engine.Patterns;

/// One calendar month (yyyymm) of a candidate's comparison (PatternSeries): in the segment,
/// Complaints out of Of, against BaselineComplaints out of BaselineOf elsewhere. "Of" is units
/// sold for a rate, and the complaints that say the attribute for a disproportion.
internal sealed record PatternMonth(int Month, long Complaints, long Of, long BaselineComplaints, long BaselineOf)
{
    /// Null when there is nothing to divide by (nothing sold, or out of the segment's season).
    public double? Rate => Of == 0 ? null : (double)Complaints / Of;

    public double? BaselineRate => BaselineOf == 0 ? null : (double)BaselineComplaints / BaselineOf;
}
