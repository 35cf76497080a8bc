using Microsoft.Extensions.Logging;

namespace Routing.Workflows.Notifications;

/// Departments without another channel: the notification is logged.
internal sealed class LogChannel(ILogger<LogChannel> log) : INotificationChannel
{
    public string Name => "log";

    public bool Serves(string department) => true;

    public Task SendAsync(WorkItemNotification n, CancellationToken ct)
    {
        log.LogInformation("Notify {Department}: {Event} for work item {WorkItemId} ({Priority}, {State})",
            n.Department, n.Event, n.WorkItemId, n.Priority, n.State);
        return Task.CompletedTask;
    }
}
