using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// A report with every field at its largest, to time rules on: every text at the longest
/// a report may send, all twelve months, the largest numbers.
internal static class LargestReport
{
    static readonly string Text = string.Concat(Enumerable.Range(0, ReportFacts.LongestText).Select(i => (char)('a' + i % 26)));

    public static ReportFacts Of(string category) => new()
    {
        Title = Text,
        Product = Text,
        Category = category,
        Severity = "critical",
        UnitsSold = int.MaxValue,
        AffectedUnits = int.MaxValue / 2,
        ReportCount = int.MaxValue,
        FailureRate = 0.5,
        Segment = new SegmentFacts
        {
            Region = Text,
            AgeGroup = Text,
            Accessibility = Text,
            Months = [.. Enumerable.Range(1, 12)],
        },
        Vendor = Text,
    };
}
