using Routing.Engine.History;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Notifications;

/// Queues a work-item event for its department in the current transaction; delivery
/// happens after commit, so a dead endpoint never holds up or fails the workflow.
internal sealed class Notifier(RoutingDb db, TimeProvider clock)
{
    public HistoryEntry Queue(string @event, WorkItem item)
    {
        var n = db.Queue(@event, item, clock.Now());
        return new HistoryEntry(HistoryKinds.NotificationQueued, "system:notifier", new { EventId = n.Id, n.Event },
            ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department);
    }
}
