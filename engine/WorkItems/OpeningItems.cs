using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;

namespace Routing.Engine.WorkItems;

/// Opening work items, as intake opens routed ones and a hand-back opens one in triage: the
/// items, the timers of their lifecycle's first state, and the routed notification for each, in
/// the caller's transaction. Their history is the caller's (it knows why).
internal static class OpeningItems
{
    public static void AddOpened(
        this RoutingDb db, NotificationOutbox outbox, IReadOnlyCollection<(WorkItem Item, Lifecycle Lifecycle, SlaClock Clock)> opened,
        DateTimeOffset now)
    {
        foreach (var (item, lifecycle, clock) in opened)
        {
            db.WorkItems.Add(item);
            // Rule quality counts each rule that opened an item (a hand-back's triage item has none).
            db.WorkItemRules.AddRange(item.MatchedRules.Distinct().Select(rule => new WorkItemRule
            {
                WorkItemId = item.Id, Rule = rule, RulesetVersion = item.RulesetVersion, Department = item.Department, CreatedAt = item.CreatedAt,
            }));
            db.Timers.AddRange(TimerPlan.Entering(item, lifecycle, from: null, now, clock));
            outbox.Queue(db, NotificationEvents.Routed, item, now);
        }
    }
}
