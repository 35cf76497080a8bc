using System.Text.Json;
using System.Text.Json.Serialization;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Notifications;

/// Queues work-item events for delivery in the caller's transaction.
internal static class NotificationOutbox
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// Queues an event about the item for its own department, or for `to` (an escalation contact).
    /// effectiveness: how a resolution check judged the fix (verified, reopened, inconclusive).
    public static Notification Queue(
        this RoutingDb db, string @event, WorkItem item, DateTimeOffset now, string? to = null, object? effectiveness = null)
    {
        var id = Guid.CreateVersion7(now);
        var notification = new Notification
        {
            Id = id,
            Event = @event,
            Department = to ?? item.Department,
            WorkItemId = item.Id,
            ReportId = item.ReportId,
            Payload = Payload(id, @event, item, now, effectiveness),
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Notifications.Add(notification);
        return notification;
    }

    static string Payload(Guid id, string @event, WorkItem item, DateTimeOffset now, object? effectiveness)
    {
        var payload = JsonSerializer.SerializeToNode(new
        {
            EventId = id, Event = @event, item.Department, WorkItemId = item.Id, item.ReportId,
            item.State, item.Priority, item.AckDueAt, item.ResolveDueAt, At = now,
        }, Json)!.AsObject();
        if (effectiveness is not null) payload["effectiveness"] = JsonSerializer.SerializeToNode(effectiveness, Json);
        return payload.ToJsonString();
    }
}
