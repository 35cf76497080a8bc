using Microsoft.Extensions.Logging;
using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Workflows.Notifications;

/// Departments without a webhook: the notification is logged.
internal sealed class LogChannel(ILogger<LogChannel> log) : INotificationChannel
{
    public string Name => "log";
    public int Order => int.MaxValue;

    public bool Serves(Department department) => true;

    public Task SendAsync(Department department, Notification n, CancellationToken ct)
    {
        log.LogInformation("Notify {Department} ({Role}): {Event} for work item {WorkItemId} (event {EventId})",
            department.Id, n.Role, n.Event, n.WorkItemId, n.Id);
        return Task.CompletedTask;
    }
}
