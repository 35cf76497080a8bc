namespace Routing.Engine.Reports;

internal static class ReportFactory
{
    /// Builds the stored report from a submission that passed validation.
    public static Report Create(ReportSubmission s, DateTimeOffset receivedAt)
    {
        var segment = s.Segment;
        var months = segment?.Months?.Distinct().Order().ToList() ?? [];
        var report = new Report
        {
            Id = Guid.CreateVersion7(receivedAt),
            Title = s.Title!.Trim(),
            Product = s.Product!.Trim(),
            Category = s.Category!,
            Description = s.Description,
            UnitsSold = s.UnitsSold,
            AffectedUnits = s.AffectedUnits,
            ReportCount = s.ReportCount!.Value,
            FailureRate = s.UnitsSold is > 0 && s.AffectedUnits is { } affected
                ? (double)affected / s.UnitsSold.Value
                : null,
            Region = Blank(segment?.Region),
            AgeGroup = Blank(segment?.AgeGroup),
            Accessibility = Blank(segment?.Accessibility),
            Months = months,
            Vendor = Blank(s.Vendor),
            Severity = s.Severity!,
            Recommendation = s.Recommendation,
            Evidence = [.. s.Evidence!.Select(e => e!.Trim())],
            VerifiedBy = s.VerifiedBy!.Trim(),
            VerifiedAt = s.VerifiedAt!.Value.ToUniversalTime(),
            ReceivedAt = receivedAt,
            PatternKey = "",
        };
        report.PatternKey = PatternKey(report);
        return report;
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static string PatternKey(Report r) => string.Join('|',
        r.Product.ToLowerInvariant(), r.Category, r.Region?.ToLowerInvariant(), r.AgeGroup?.ToLowerInvariant(),
        r.Accessibility?.ToLowerInvariant(), string.Join(',', r.Months));
}
