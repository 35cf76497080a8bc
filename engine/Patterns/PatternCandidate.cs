namespace Routing.Engine.Patterns;

/// A segment a scan found out of line, kept so that a CSM can look at it, submit it as a
/// report or dismiss it. One row per segment (Key): a later scan updates its numbers rather
/// than adding another, and the CSM's decision (Status) survives every rescan.
internal sealed class PatternCandidate
{
    public Guid Id { get; set; }
    /// Product, category, method and segment, normalized (PatternSegment.Key).
    public required string Key { get; set; }
    public required string Product { get; set; }
    public required string Category { get; set; }
    public string? Region { get; set; }
    /// Months of the year in the season's order (11, 12, 1, 2, 3); empty when the segment is not seasonal.
    public List<int> Months { get; set; } = [];
    public string? AgeGroup { get; set; }
    public string? Accessibility { get; set; }
    public string? Channel { get; set; }
    public string? Vendor { get; set; }
    public string? Depot { get; set; }
    /// PatternMethod.Rate or PatternMethod.Prr.
    public required string Method { get; set; }

    public long Complaints { get; set; }
    /// Units sold in the segment; null for a disproportion (no units per customer attribute).
    public long? UnitsSold { get; set; }
    /// Complaints per unit sold (rate), or the value's share of the complaints (prr).
    public double Rate { get; set; }
    public double BaselineRate { get; set; }
    /// Rate ratio or PRR; null when nothing happened elsewhere (infinitely out of line).
    public double? Ratio { get; set; }
    public double PValue { get; set; }
    public double QValue { get; set; }
    public required string Explanation { get; set; }

    /// PatternStatus: open, submitted or dismissed; a scan never changes it, except that a
    /// dismissed candidate that grew materially opens again.
    public required string Status { get; set; }
    /// Whether the latest scan flagged it; a candidate no longer flagged is kept (with the
    /// numbers of the last scan that flagged it) so that decisions about it are not lost.
    public bool StillFlagged { get; set; }
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public string? DismissedBy { get; set; }
    public string? DismissedReason { get; set; }
    public DateTimeOffset? DismissedAt { get; set; }
    /// Its numbers when it was dismissed: it comes back only when it grows past them (MaterialGrowth).
    public long? DismissedComplaints { get; set; }
    public double? DismissedRatio { get; set; }

    public Guid? ReportId { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
}
