namespace Routing.Engine.History.Events;

/// A CSM dismissed a candidate pattern: which one, in words as the console names it, why, and
/// the numbers it had then (it comes back only when they double, MaterialGrowth).
[HistoryKind(HistoryKinds.PatternDismissed)]
internal sealed record PatternDismissed(Guid PatternId, string Product, string Category, string Segment, string Reason, long Complaints, double? Ratio)
    : HistoryData
{
    public override string Summary() => $"Candidate pattern {Product}, {Segment} ({Category} complaints) dismissed: \"{Reason}\"";
}
