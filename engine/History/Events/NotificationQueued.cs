using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// A notification (of NotificationEvents) queued for a department or its escalation contact,
/// and why that one is told (RecipientRoles: `owner` or `escalation`).
/// (Events stored before escalation contacts were told do not say whom, nor those before
/// Standard Webhooks why.)
[HistoryKind(HistoryKinds.NotificationQueued)]
internal sealed record NotificationQueued(
    Guid EventId, string Event, string? To = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null) : HistoryData
{
    public override string Summary() => Role == Notifications.RecipientRoles.Escalation
        ? $"Notification \"{Event}\" queued for {To}, the escalation contact"
        : $"Notification \"{Event}\" queued for {To}";
}
