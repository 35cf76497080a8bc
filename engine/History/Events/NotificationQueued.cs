namespace Routing.Engine.History.Events;

/// A notification (of NotificationEvents) queued for a department or its escalation contact.
[HistoryKind(HistoryKinds.NotificationQueued)]
internal sealed record NotificationQueued(Guid EventId, string Event, string? To) : HistoryData
{
    public override string Summary() => $"Notification \"{Event}\" queued for {To}";
}
