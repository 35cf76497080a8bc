namespace Routing.Engine.Reports;

/// The body of POST /api/reports. Everything is nullable so that a missing field is a
/// validation error naming the field, not a deserialization failure.
public sealed record ReportSubmission(
    string? Title,
    string? Product,
    string? Category,
    string? Description,
    int? UnitsSold,
    int? AffectedUnits,
    int? ReportCount,
    SegmentSubmission? Segment,
    string? Vendor,
    string? Severity,
    string? Recommendation,
    List<string?>? Evidence,
    string? VerifiedBy,
    DateTimeOffset? VerifiedAt);

public sealed record SegmentSubmission(
    string? Region,
    string? AgeGroup,
    string? Accessibility,
    List<int>? Months);
