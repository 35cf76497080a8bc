using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Workflows.Notifications;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

/// Some time after a resolution: if the pattern came back (a new report with the same
/// product, category and segment), reopen the item with a fresh SLA; otherwise it is verified.
internal sealed class ResolutionCheckStep(RoutingDb db, Notifier notifier) : ITimedStep
{
    public TimerKind Kind => TimerKind.ResolutionCheck;

    public async Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext c, CancellationToken ct)
    {
        var item = c.Item;
        if (item.State != WorkItemState.Resolved || item.ResolvedAt is not { } resolvedAt) return [];

        var returned = await db.Reports.CountAsync(
            r => r.PatternKey == c.Report.PatternKey && r.Id != item.ReportId && r.ReceivedAt > resolvedAt, ct);
        var before = item.State;
        var machine = WorkItemLifecycle.For(() => item.State, s => item.State = s);

        if (returned > 0)
        {
            await machine.FireAsync(WorkItemTrigger.Reopen);
            item.ResolvedAt = null;
            item.AckDueAt = c.Now + item.AckWithin;
            item.ResolveDueAt = c.Now + item.ResolveWithin;
            c.NewTimers.AddRange(TimerPlan.ForOpenItem(item));
            return
            [
                new(TimedSteps.Actor, new WorkItemReopened(before, item.State, returned, item.AckDueAt, item.ResolveDueAt),
                    ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
                notifier.Queue(NotificationEvents.Reopened, item),
            ];
        }

        await machine.FireAsync(WorkItemTrigger.Verify);
        return
        [
            new(TimedSteps.Actor, new WorkItemVerified(before, item.State, resolvedAt),
                ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
            notifier.Queue(NotificationEvents.Verified, item),
        ];
    }
}
