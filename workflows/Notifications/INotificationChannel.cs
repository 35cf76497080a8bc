namespace Routing.Workflows.Notifications;

/// A way to tell a department about its work. Every implementation is registered by
/// convention; each decides whether it serves a department.
public interface INotificationChannel
{
    string Name { get; }
    bool Serves(string department);
    Task SendAsync(WorkItemNotification notification, CancellationToken ct);
}
