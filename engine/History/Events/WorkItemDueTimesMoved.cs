namespace Routing.Engine.History.Events;

/// A published ruleset changed the calendar the item's due times count on (its department's, or
/// that calendar's hours or holidays): they were counted again from the time left, on the new one.
[HistoryKind(HistoryKinds.DueTimesMoved)]
internal sealed record WorkItemDueTimesMoved(int RulesetVersion, string? FromCalendar, string? ToCalendar,
    WorkItemDueTimesMoved.Terms Before, WorkItemDueTimesMoved.Terms After) : HistoryData
{
    public sealed record Terms(DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt);

    public override string Summary() =>
        $"Due times counted again on {ToCalendar ?? "no calendar"} (ruleset v{RulesetVersion}): " +
        $"acknowledge by {Text(After.AckDueAt)} (was {Text(Before.AckDueAt)}), resolve by {Text(After.ResolveDueAt)} (was {Text(Before.ResolveDueAt)})";
}
