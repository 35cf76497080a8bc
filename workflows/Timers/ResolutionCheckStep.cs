using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
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
                new(HistoryKinds.Reopened, TimedSteps.Actor,
                    new { Before = before, After = item.State, ReportsSinceResolution = returned, item.AckDueAt, item.ResolveDueAt },
                    ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
                notifier.Queue("reopened", item),
            ];
        }

        await machine.FireAsync(WorkItemTrigger.Verify);
        return
        [
            new(HistoryKinds.Verified, TimedSteps.Actor, new { Before = before, After = item.State, ResolvedAt = resolvedAt },
                ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department),
            notifier.Queue("verified", item),
        ];
    }
}
