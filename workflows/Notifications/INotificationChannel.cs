using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// A way to tell a department about its work. Every implementation is registered by
/// convention; the first that serves a department delivers to it. A failed send throws.
internal interface INotificationChannel
{
    string Name { get; }
    /// Lower goes first; the log channel, which serves everyone, goes last.
    int Order { get; }
    bool Serves(Department department);
    Task SendAsync(Department department, Notification notification, CancellationToken ct);
}
