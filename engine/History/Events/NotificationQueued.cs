namespace Routing.Engine.History.Events;

/// A notification (of NotificationEvents) queued for a department or its escalation contact.
/// (Events stored before escalation contacts were told do not say whom.)
[HistoryKind(HistoryKinds.NotificationQueued)]
internal sealed record NotificationQueued(Guid EventId, string Event, string? To = null) : HistoryData
{
    public override string Summary() => $"Notification \"{Event}\" queued for {To}";
}
