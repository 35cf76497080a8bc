namespace Routing.Engine.Notifications;

/// A work-item event to tell a department about, kept until it is delivered (an outbox):
/// written in the transaction of the change, delivered afterwards by Hangfire jobs.
internal sealed class Notification
{
    /// Also the event id the receiver sees, so it can drop a repeated delivery.
    public Guid Id { get; set; }
    public required string Event { get; set; }
    /// The department told: the item's, or its escalation contact.
    public required string Department { get; set; }
    /// Why it is told (RecipientRoles): the item's owner, or its escalation contact.
    public string Role { get; set; } = RecipientRoles.Owner;
    /// The target, fixed when the event happened: the ruleset version whose configuration of
    /// Department (its webhook's URL and secrets, or none) delivers it. Versions never change,
    /// so a webhook edited later does not redirect an event already queued. Null on events
    /// queued before targets were fixed: those go where the active ruleset says.
    public int? RulesetVersion { get; set; }
    /// The channel that delivers it, by name ("email"); null: the department's webhook, else the log
    /// (every event queued before e-mail). One row per channel, so a retry never resends another's.
    public string? Channel { get; set; }
    /// The e-mail address an "email" row goes to, fixed when queued. Personal data: kept here only,
    /// never in history or logs (history is append-only: it could not be erased).
    public string? To { get; set; }
    /// Guid.Empty on a digest, which is about many items.
    public Guid WorkItemId { get; set; }
    public Guid ReportId { get; set; }
    public required string Payload { get; set; }
    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? HandedOffAt { get; set; }
}

public enum NotificationStatus
{
    Pending,
    /// Claimed by a delivery job until NextAttemptAt; pending again if that job died.
    Sending,
    Delivered,
    Failed,
}
