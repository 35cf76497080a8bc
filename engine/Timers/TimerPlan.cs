using Routing.Engine.WorkItems;

namespace Routing.Engine.Timers;

/// Which timers a work item needs when it (re)opens or is resolved.
internal static class TimerPlan
{
    /// Not acknowledged by AckDueAt: follow up. Not resolved by ResolveDueAt: escalate.
    public static IEnumerable<WorkItemTimer> ForOpenItem(WorkItem item)
    {
        yield return FirstFollowUp(item);
        yield return ResolutionDue(item);
    }

    public static WorkItemTimer FirstFollowUp(WorkItem item) => New(item, TimerKind.FollowUp, item.AckDueAt);

    public static WorkItemTimer ResolutionDue(WorkItem item) => New(item, TimerKind.ResolutionDue, item.ResolveDueAt);

    public static WorkItemTimer NextFollowUp(WorkItem item, WorkItemTimer previous) =>
        New(item, TimerKind.FollowUp, previous.DueAt + FollowUpEvery(item), previous.Round + 1);

    public static WorkItemTimer ResolutionCheck(WorkItem item, DateTimeOffset resolvedAt) =>
        New(item, TimerKind.ResolutionCheck, resolvedAt + ResolutionCheckAfter(item));

    /// A cancelled timer pending again as it was, when the action that cancelled it is undone.
    public static WorkItemTimer Again(WorkItemTimer cancelled) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkItemId = cancelled.WorkItemId,
        Kind = cancelled.Kind,
        Round = cancelled.Round,
        DueAt = cancelled.DueAt,
        Status = TimerStatus.Pending,
    };

    /// Default: half the acknowledgement window.
    public static TimeSpan FollowUpEvery(WorkItem item) => item.FollowUpEvery ?? item.AckWithin / 2;

    /// Default: a week for P1, two weeks otherwise.
    public static TimeSpan ResolutionCheckAfter(WorkItem item) =>
        item.ResolutionCheckAfter ?? TimeSpan.FromDays(item.Priority == "P1" ? 7 : 14);

    static WorkItemTimer New(WorkItem item, TimerKind kind, DateTimeOffset dueAt, int round = 0) => new()
    {
        Id = Guid.CreateVersion7(),
        WorkItemId = item.Id,
        Kind = kind,
        Round = round,
        DueAt = dueAt,
        Status = TimerStatus.Pending,
    };
}
