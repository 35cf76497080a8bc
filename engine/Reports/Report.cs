namespace Routing.Engine.Reports;

/// A verified problem pattern as a CSM submitted it, with what was derived from it.
internal sealed class Report
{
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public required string Product { get; set; }
    public required string Category { get; set; }
    public string? Description { get; set; }
    public int? UnitsSold { get; set; }
    public int? AffectedUnits { get; set; }
    public int ReportCount { get; set; }
    public double? FailureRate { get; set; }
    public string? Region { get; set; }
    public string? AgeGroup { get; set; }
    public string? Accessibility { get; set; }
    public List<int> Months { get; set; } = [];
    public string? Vendor { get; set; }
    public required string Severity { get; set; }
    public string? Recommendation { get; set; }
    public List<string> Evidence { get; set; } = [];
    public required string VerifiedBy { get; set; }
    public DateTimeOffset VerifiedAt { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public int RulesetVersion { get; set; }
    public List<string> Notify { get; set; } = [];
    /// The departments its ruleset routed it to (new items and recurrences alike).
    public List<string> RoutedTo { get; set; } = [];

    /// Product + category + segment, normalized: two reports with the same key describe the same pattern.
    public required string PatternKey { get; set; }

    /// The candidate pattern it was submitted from (POST /api/patterns/{id}/submit), if any.
    public Guid? PatternId { get; set; }

    /// The name of the key that submitted it (the CSM's account); VerifiedBy is free text.
    public string? SubmittedBy { get; set; }
    /// When its last item was verified, once every item that was not cancelled or handed back is verified.
    public DateTimeOffset? FixedAt { get; set; }
    /// At least one measured check judged its items' fixes, and every one found them effective. Kept
    /// by the database as checks are judged (MetricsTriggers), for the CSMs' account.
    public bool VerifiedEffective { get; set; }
}
