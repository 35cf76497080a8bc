using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;

namespace Routing.Engine.Metrics;

/// The facts of an item opened before ItemFacts, from its history (MetricsBackfill): a copy of
/// the item is taken through its recorded moves, and ItemFacts records each on it as it would
/// have live, so the two cannot disagree on what a move means. The due times come from the
/// events that set them, the pauses from the clock's events; business time counts on the
/// department's calendar as it is now.
internal static class ItemReplay
{
    /// The history kinds that move an item or its clock, under every name they were stored as.
    public static readonly string[] Kinds = [.. new[]
    {
        HistoryKinds.WorkItemRouted, HistoryKinds.WorkItemReprioritized, HistoryKinds.DueTimesMoved, HistoryKinds.ClockPaused,
        HistoryKinds.ClockResumed, HistoryKinds.Restored, HistoryKinds.Acknowledged, HistoryKinds.Started, HistoryKinds.Resolved,
        HistoryKinds.HandedBack, HistoryKinds.Cancelled, HistoryKinds.ActionTaken, HistoryKinds.Escalated, HistoryKinds.Verified,
        HistoryKinds.Reopened,
    }.SelectMany(HistoryKinds.StoredAs)];

    /// The item's facts after its events (in the order written), on a copy of it.
    public static WorkItem Replay(WorkItem item, Lifecycle lifecycle, SlaClock clock, IEnumerable<(DateTimeOffset At, HistoryData Data)> events)
    {
        var copy = new WorkItem
        {
            Id = item.Id, ReportId = item.ReportId, Department = item.Department, Priority = item.Priority, State = lifecycle.Start,
            Lifecycle = item.Lifecycle, CreatedAt = item.CreatedAt, AckWithin = item.AckWithin, ResolveWithin = item.ResolveWithin,
            FollowUpEvery = item.FollowUpEvery, ResolutionCheckAfter = item.ResolutionCheckAfter, CalendarTime = item.CalendarTime,
            RulesetVersion = item.RulesetVersion, MetricsVersion = ItemFacts.Version,
        };
        copy.Enter(lifecycle.Start, lifecycle);
        // An item a hand-back opened in triage records no due times: they are counted as it opened.
        copy.Restart(clock, item.CreatedAt);
        foreach (var (at, data) in events)
        {
            switch (data)
            {
                case WorkItemRouted { AckDueAt: { } ack, ResolveDueAt: { } resolve }:
                    (copy.AckDueAt, copy.ResolveDueAt) = (ack, resolve);
                    break;
                case WorkItemReprioritized r:
                    (copy.AckDueAt, copy.ResolveDueAt) = (r.After.AckDueAt, r.After.ResolveDueAt);
                    break;
                case WorkItemDueTimesMoved m:
                    (copy.AckDueAt, copy.ResolveDueAt) = (m.After.AckDueAt, m.After.ResolveDueAt);
                    break;
                case WorkItemClockPaused:
                    copy.PausedAt = at;
                    break;
                case WorkItemClockResumed r:
                    ItemFacts.Resumed(copy, clock, r.PausedAt, at);
                    (copy.AckDueAt, copy.ResolveDueAt, copy.PausedAt) = (r.AckDueAt, r.ResolveDueAt, null);
                    break;
                case WorkItemRestored r:
                    copy.Enter(r.After, lifecycle);
                    copy.HandedBackAt = null;
                    break;
                case WorkItemCommented:
                    break;
                case WorkItemActed a:
                    Move(ActionOf(a), a.Before, a.After, at);
                    break;
                case WorkItemEscalated e:
                    Move(LifecycleAction.Escalate, e.Before, e.After, at);
                    break;
                case WorkItemVerified v:
                    Move(LifecycleAction.Verify, v.Before, v.After, at);
                    break;
                case WorkItemReopened r:
                    Move(LifecycleAction.Reopen, r.Before, r.After, at);
                    (copy.AckDueAt, copy.ResolveDueAt, copy.PausedAt) = (r.AckDueAt, r.ResolveDueAt, null);
                    break;
            }
        }
        return copy;

        // As WorkItemMoves: into the state, then the facts, with the due times and the pause from before the move.
        void Move(string action, string before, string after, DateTimeOffset at)
        {
            copy.Enter(after, lifecycle);
            ItemFacts.Record(copy, lifecycle, action, before, lifecycle.Checks(after) && !lifecycle.Checks(before), clock, at);
        }
    }

    /// The action a person's recorded move took (WorkItemActionService names them so).
    static string ActionOf(WorkItemActed acted) => acted switch
    {
        WorkItemAcknowledged => "acknowledge",
        WorkItemStarted => "start",
        WorkItemResolved => LifecycleAction.Resolve,
        WorkItemHandedBack => LifecycleAction.HandBack,
        WorkItemCancelled => LifecycleAction.Cancel,
        WorkItemActionTaken taken => taken.Action,
        _ => throw new InvalidOperationException($"No action for {acted.GetType().Name}."),
    };
}
