namespace Routing.Engine.Reports;

/// What routing rules see of a report: plain data, never null collections, so rule
/// expressions stay short (`report.Segment.Months.Count > 0`).
public sealed class ReportFacts
{
    /// The longest text a report can carry into the rules (titles, products, segments,
    /// vendors); its lists are shorter (at most 12 distinct months).
    public const int LongestText = 200;

    public string Title { get; init; } = "";
    public string Product { get; init; } = "";
    public string Category { get; init; } = "";
    public string Severity { get; init; } = "";
    public int UnitsSold { get; init; }
    public int AffectedUnits { get; init; }
    public int ReportCount { get; init; }
    /// affectedUnits / unitsSold, or 0 when either is unknown.
    public double FailureRate { get; init; }
    public SegmentFacts Segment { get; init; } = new();
    public string Vendor { get; init; } = "";
    public bool HasVendor => Vendor.Length > 0;

    internal static ReportFacts From(Report r) => new()
    {
        Title = r.Title,
        Product = r.Product,
        Category = r.Category,
        Severity = r.Severity,
        UnitsSold = r.UnitsSold ?? 0,
        AffectedUnits = r.AffectedUnits ?? 0,
        ReportCount = r.ReportCount,
        FailureRate = r.FailureRate ?? 0,
        Segment = new SegmentFacts
        {
            Region = r.Region ?? "",
            AgeGroup = r.AgeGroup ?? "",
            Accessibility = r.Accessibility ?? "",
            Months = [.. r.Months],
        },
        Vendor = r.Vendor ?? "",
    };
}

public sealed class SegmentFacts
{
    public string Region { get; init; } = "";
    public string AgeGroup { get; init; } = "";
    public string Accessibility { get; init; } = "";
    public List<int> Months { get; init; } = [];
    public bool IsSeasonal => Months.Count > 0;
    public bool NamesAccessibilityNeed => Accessibility.Length > 0;
    public bool NamesAgeGroup => AgeGroup.Length > 0;
}
