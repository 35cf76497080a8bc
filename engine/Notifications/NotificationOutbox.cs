using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Routing.Engine.Departments;
using Routing.Engine.History.Events;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Notifications;

/// Queues work-item events for delivery in the caller's transaction. Everything a delivery
/// sends is fixed here, when the event happens: the payload, whom it goes to and why, and the
/// target (the ruleset version whose configuration of that department delivers it).
internal sealed class NotificationOutbox(IDepartmentDirectory departments, IOptions<PublicUrlOptions> links)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// Queues an event about the item for its own department, or for `to` (its escalation contact).
    /// effectiveness: how a resolution check judged the fix (verified, reopened, inconclusive).
    public Notification Queue(
        RoutingDb db, string @event, WorkItem item, DateTimeOffset now, string? to = null, EffectivenessOutcome? effectiveness = null)
    {
        var id = Guid.CreateVersion7(now);
        var role = to is null || to == item.Department ? RecipientRoles.Owner : RecipientRoles.Escalation;
        var notification = new Notification
        {
            Id = id,
            Event = @event,
            Department = to ?? item.Department,
            Role = role,
            RulesetVersion = departments.Version,
            WorkItemId = item.Id,
            ReportId = item.ReportId,
            Status = NotificationStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            Payload = "",
        };
        notification.Payload = JsonSerializer.Serialize(Payload(db, notification, item, now, effectiveness), Json);
        db.Notifications.Add(notification);
        return notification;
    }

    WebhookPayload Payload(RoutingDb db, Notification n, WorkItem item, DateTimeOffset now, EffectivenessOutcome? effectiveness)
    {
        // At intake the report is in this transaction, not yet in the store.
        var report = db.Reports.Local.FirstOrDefault(r => r.Id == item.ReportId) is { } local
            ? (local.Title, local.Product, local.Category)
            : db.Reports.AsNoTracking().Where(r => r.Id == item.ReportId).Select(r => new { r.Title, r.Product, r.Category })
                .AsEnumerable().Select(r => (r.Title, r.Product, r.Category)).First();
        var urls = links.Value;
        return new(NotificationEvents.TypeOf(n.Event), now, new WorkItemEvent(
            WorkItemEvent.Version, n.Id, n.Event, n.Department, n.Role, item.Id, item.ReportId,
            report.Title, report.Product, report.Category, item.Department, item.State, item.Priority, item.AckDueAt, item.ResolveDueAt,
            new WebhookLinks(urls.Link($"/api/work-items/{item.Id}"), urls.Link($"/api/reports/{item.ReportId}"), urls.Link($"/console/items/{item.Id}")))
        {
            Effectiveness = effectiveness,
        });
    }
}
