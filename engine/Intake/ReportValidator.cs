using Routing.Engine.Reports;

namespace Routing.Engine.Intake;

/// Checks that a submission describes a verified pattern; collects every problem at once.
internal sealed class ReportValidator(TimeProvider clock)
{
    const int MaxText = ReportFacts.LongestText;
    const int MaxLongText = 10_000;
    // A pattern verified before this was a typo, not a pattern anyone still works on.
    static readonly DateTimeOffset EarliestVerifiedAt = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public Dictionary<string, string[]> Validate(ReportSubmission s)
    {
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string message) =>
            (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(message);

        Required(s.Title, "title", MaxText);
        Required(s.Product, "product", MaxText);
        Required(s.VerifiedBy, "verifiedBy", MaxText);
        Optional(s.Description, "description", MaxLongText);
        Optional(s.Recommendation, "recommendation", MaxLongText);
        Optional(s.Vendor, "vendor", MaxText);

        if (string.IsNullOrWhiteSpace(s.Category)) Fail("category", "is required.");
        else if (!ReportCategories.All.Contains(s.Category))
            Fail("category", $"must be one of: {string.Join(", ", ReportCategories.All)}.");

        if (string.IsNullOrWhiteSpace(s.Severity)) Fail("severity", "is required.");
        else if (!Severities.All.Contains(s.Severity))
            Fail("severity", $"must be one of: {string.Join(", ", Severities.All)}.");

        if (s.ReportCount is null) Fail("reportCount", "is required.");
        else if (s.ReportCount < 1) Fail("reportCount", "must be at least 1.");

        if (s.UnitsSold < 0) Fail("unitsSold", "must not be negative.");
        if (s.AffectedUnits < 0) Fail("affectedUnits", "must not be negative.");
        if (s.UnitsSold is { } sold && s.AffectedUnits is { } affected && affected > sold)
            Fail("affectedUnits", "must not exceed unitsSold.");

        if (s.Evidence is null || s.Evidence.Count == 0) Fail("evidence", "needs at least one item.");
        else if (s.Evidence.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > MaxText))
            Fail("evidence", $"items must be non-empty and at most {MaxText} characters.");
        else if (s.Evidence.Count > 1000) Fail("evidence", "must have at most 1000 items.");

        if (s.VerifiedAt is null) Fail("verifiedAt", "is required.");
        else if (s.VerifiedAt > clock.GetUtcNow()) Fail("verifiedAt", "must not be in the future.");
        else if (s.VerifiedAt < EarliestVerifiedAt) Fail("verifiedAt", $"must not be before {EarliestVerifiedAt:yyyy-MM-dd}.");

        if (s.Segment is { } segment)
        {
            Optional(segment.Region, "segment.region", MaxText);
            Optional(segment.AgeGroup, "segment.ageGroup", MaxText);
            Optional(segment.Accessibility, "segment.accessibility", MaxText);
            if (segment.Months is { } months && months.Any(m => m is < 1 or > 12))
                Fail("segment.months", "must be month numbers from 1 to 12.");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

        void Required(string? value, string field, int max)
        {
            if (string.IsNullOrWhiteSpace(value)) Fail(field, "is required.");
            else Optional(value, field, max);
        }

        void Optional(string? value, string field, int max)
        {
            if (value is not null && value.Length > max) Fail(field, $"must be at most {max} characters.");
        }
    }
}
