using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Notifications;

/// Queues a work-item event for its department in the current transaction; delivery
/// happens after commit, so a dead endpoint never holds up or fails the workflow.
internal sealed class Notifier(RoutingDb db, NotificationOutbox outbox, IDepartmentDirectory departments, TimeProvider clock)
{
    public HistoryEntry Queue(string @event, WorkItem item, string? to = null, EffectivenessOutcome? effectiveness = null)
    {
        var n = outbox.Queue(db, @event, item, clock.Now(), to, effectiveness);
        return new HistoryEntry("system:notifier", new NotificationQueued(n.Id, n.Event, n.Department, n.Role),
            ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department);
    }

    /// An escalation goes to the department and to its escalation contact, when it names one.
    public IEnumerable<HistoryEntry> QueueEscalation(WorkItem item)
    {
        yield return Queue(NotificationEvents.Escalated, item);
        if (departments.Find(item.Department)?.EscalateTo is { } contact && contact != item.Department)
            yield return Queue(NotificationEvents.Escalated, item, to: contact);
    }
}
