using Routing.Engine.History;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Notifications;

/// Sends a work-item event to the department over its channel and records it in history.
/// Notifications never fail the workflow step that causes them.
internal sealed class Notifier(IEnumerable<INotificationChannel> channels, TimeProvider clock)
{
    // The log channel is the fallback; any more specific channel that serves the department wins.
    readonly INotificationChannel[] ordered = [.. channels.OrderBy(c => c is LogChannel ? 1 : 0)];

    public async Task<HistoryEntry> NotifyAsync(string @event, string department, WorkItem item, CancellationToken ct)
    {
        var channel = ordered.First(c => c.Serves(department));
        var notification = new WorkItemNotification(Guid.CreateVersion7(), @event, department, item.Id, item.ReportId,
            item.State.ToString(), item.Priority, clock.GetUtcNow());
        string? error = null;
        try
        {
            await channel.SendAsync(notification, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            error = e.Message;
        }
        return new HistoryEntry(HistoryKinds.NotificationSent, "system:notifier",
            new { notification.EventId, notification.Event, Channel = channel.Name, Error = error },
            ReportId: item.ReportId, WorkItemId: item.Id, Department: department);
    }
}
