namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.Reminded)]
internal sealed record WorkItemReminded(int Reminder, DateTimeOffset AckDueAt) : HistoryData
{
    public override string Summary() => $"Reminder {Reminder}: not acknowledged (was due {Text(AckDueAt)})";
}
