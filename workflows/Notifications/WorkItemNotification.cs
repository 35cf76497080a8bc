namespace Routing.Workflows.Notifications;

/// What a department is told: routed, reminder, escalated, reopened or verified.
public sealed record WorkItemNotification(
    Guid EventId,
    string Event,
    string Department,
    Guid WorkItemId,
    Guid ReportId,
    string State,
    string Priority,
    DateTimeOffset At);
