namespace Routing.Engine.Patterns;

/// A stored candidate's segment as the scan found it, to say it in words (PatternSegment.Words):
/// its months are kept in the season's order, so the first and the last are the season's ends.
internal static class CandidateSegment
{
    public static PatternSegment Of(PatternCandidate c) =>
        new(c.Region, c.Months.Count == 0 ? null : new MonthRun(c.Months[0], c.Months[^1]), c.AgeGroup, c.Accessibility, c.Channel, c.Vendor, c.Depot);
}
