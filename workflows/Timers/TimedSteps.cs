using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.WorkItems;
using Routing.Workflows.Notifications;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

internal static class TimedSteps
{
    public const string Actor = "system:timer";

    /// Moves the item to Escalated (when its state allows) and tells the department.
    public static async Task<IReadOnlyList<HistoryEntry>> EscalateAsync(
        TimedStepContext c, Notifier notifier, string reason, CancellationToken ct)
    {
        var item = c.Item;
        var before = item.State;
        var machine = WorkItemLifecycle.For(() => item.State, s => item.State = s);
        if (!machine.CanFire(WorkItemTrigger.Escalate)) return [];
        await machine.FireAsync(WorkItemTrigger.Escalate);
        return
        [
            new(Actor, new WorkItemEscalated(before, item.State, reason),
                ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
            .. notifier.QueueEscalation(item),
        ];
    }
}
