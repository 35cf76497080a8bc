namespace Routing.Engine.Notifications;

/// A work-item event to tell a department about, kept until it is delivered (an outbox):
/// written in the transaction of the change, delivered afterwards by Hangfire jobs.
internal sealed class Notification
{
    /// Also the event id the receiver sees, so it can drop a repeated delivery.
    public Guid Id { get; set; }
    public required string Event { get; set; }
    public required string Department { get; set; }
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
