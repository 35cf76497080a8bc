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
    /// The history of each row queued: the department's, and its e-mail's when it subscribes.
    public IEnumerable<HistoryEntry> Queue(string @event, WorkItem item, string? to = null, EffectivenessOutcome? effectiveness = null) =>
        outbox.Queue(db, @event, item, clock.Now(), to, effectiveness).Select(n => NotificationOutbox.Queued(n, item)).ToList();

    /// An escalation goes to the department and to its escalation contact, when it names one.
    public IEnumerable<HistoryEntry> QueueEscalation(WorkItem item)
    {
        foreach (var entry in Queue(NotificationEvents.Escalated, item)) yield return entry;
        if (departments.Find(item.Department)?.EscalateTo is { } contact && contact != item.Department)
            foreach (var entry in Queue(NotificationEvents.Escalated, item, to: contact)) yield return entry;
    }

    /// An outcome for the CSM who submitted the item's report, when their key has an e-mail address.
    public IEnumerable<HistoryEntry> QueueSubmitter(string @event, WorkItem item, EffectivenessOutcome? effectiveness = null) =>
        outbox.QueueSubmitter(db, @event, item, clock.Now(), effectiveness) is { } entry ? [entry] : [];
}
