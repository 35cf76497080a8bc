using System.Text.Json.Serialization;

namespace Routing.Engine.History.Events;

/// A notification (of NotificationEvents) queued for a department or its escalation contact,
/// and why that one is told (RecipientRoles: `owner` or `escalation`).
/// (Events stored before escalation contacts were told do not say whom, nor those before
/// Standard Webhooks why.) `Channel`: "email" for an e-mail row (To is then a department, or the
/// submitting CSM's key name, never an address); absent for a department's webhook or log row.
[HistoryKind(HistoryKinds.NotificationQueued)]
internal sealed record NotificationQueued(
    Guid EventId, string Event, string? To = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role = null) : HistoryData
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Channel { get; init; }

    public override string Summary() => (Role switch
    {
        Notifications.RecipientRoles.Escalation => $"Notification \"{Event}\" queued for {To}, the escalation contact",
        Notifications.RecipientRoles.Submitter => $"Notification \"{Event}\" queued for {To}, who submitted the report",
        _ => $"Notification \"{Event}\" queued for {To}",
    }) + (Channel is null ? "" : $" (by {Channel})");
}
