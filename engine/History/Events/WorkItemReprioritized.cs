namespace Routing.Engine.History.Events;

/// A more urgent recurrence tightened the item: its priority and due times before and after.
[HistoryKind(HistoryKinds.WorkItemReprioritized)]
internal sealed record WorkItemReprioritized(Guid ReportId, WorkItemReprioritized.Terms Before, WorkItemReprioritized.Terms After) : HistoryData
{
    public sealed record Terms(string Priority, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt);

    public override string Summary() =>
        $"Reprioritized {Before.Priority} → {After.Priority} by a more urgent recurrence: " +
        $"acknowledge by {Text(After.AckDueAt)} (was {Text(Before.AckDueAt)}), " +
        $"resolve by {Text(After.ResolveDueAt)} (was {Text(Before.ResolveDueAt)})";
}
