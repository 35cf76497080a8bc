using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Workflows.Notifications;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

/// Not acknowledged in time: remind the department, again every follow-up interval, and
/// escalate when the second reminder went unanswered too.
internal sealed class FollowUpStep(Notifier notifier, WorkItemMoves moves) : ITimedStep
{
    const int RemindersBeforeEscalation = 2;

    public TimerKind Kind => TimerKind.FollowUp;

    public async Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext c, CancellationToken ct)
    {
        var item = c.Item;
        if (!WorkItemLifecycle.AwaitingAcknowledgement.Contains(item.State)) return [];

        if (c.Timer.Round < RemindersBeforeEscalation)
        {
            c.NewTimers.Add(TimerPlan.NextFollowUp(item, c.Timer));
            return
            [
                new(TimedSteps.Actor, new WorkItemReminded(c.Timer.Round + 1, item.AckDueAt),
                    ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
                notifier.Queue(NotificationEvents.Reminder, item),
            ];
        }
        return await TimedSteps.EscalateAsync(c, moves, $"not acknowledged after {RemindersBeforeEscalation} reminders", ct);
    }
}
