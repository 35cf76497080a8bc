using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;

namespace Routing.Engine.WorkItems;

/// Opening work items, as intake opens routed ones and a hand-back opens one in triage: the
/// items, their first follow-up and resolution-due timers, and the routed notification for
/// each, in the caller's transaction. Their history is the caller's (it knows why).
internal static class OpeningItems
{
    public static void AddOpened(this RoutingDb db, IReadOnlyCollection<WorkItem> items, DateTimeOffset now)
    {
        db.WorkItems.AddRange(items);
        db.Timers.AddRange(items.SelectMany(TimerPlan.ForOpenItem));
        foreach (var item in items) db.Queue(NotificationEvents.Routed, item, now);
    }
}
