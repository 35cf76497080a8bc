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
