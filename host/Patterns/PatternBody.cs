using Routing.Engine.Patterns;

namespace Routing.Host.Patterns;

/// A candidate as the API shows it (GET /api/patterns and /api/patterns/{id}).
internal sealed record PatternBody(
    Guid Id, string Product, string Category, PatternBody.SegmentBody Segment,
    long Complaints, long? UnitsSold, double Rate, double BaselineRate, double? Ratio, double PValue, double QValue,
    string Method, string Explanation, string Status, bool StillFlagged, DateTimeOffset FirstSeenAt, DateTimeOffset UpdatedAt,
    PatternBody.DismissalBody? Dismissal, Guid? ReportId)
{
    public sealed record SegmentBody(string? Region, IReadOnlyList<int> Months, string? AgeGroup, string? Accessibility,
        string? Channel, string? Vendor, string? Depot);

    public sealed record DismissalBody(string By, string Reason, DateTimeOffset At);

    public static PatternBody Of(PatternCandidate p) => new(
        p.Id, p.Product, p.Category, new(p.Region, p.Months, p.AgeGroup, p.Accessibility, p.Channel, p.Vendor, p.Depot),
        p.Complaints, p.UnitsSold, p.Rate, p.BaselineRate, p.Ratio, p.PValue, p.QValue,
        p.Method, p.Explanation, p.Status, p.StillFlagged, p.FirstSeenAt, p.UpdatedAt,
        p.DismissedBy is { } by ? new(by, p.DismissedReason ?? "", p.DismissedAt!.Value) : null, p.ReportId);
}
