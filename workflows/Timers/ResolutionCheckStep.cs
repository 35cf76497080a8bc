using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

/// Some time after a resolution: if the pattern came back (a new report with the same
/// product, category and segment), reopen the item (the move gives it a fresh SLA);
/// otherwise it is verified.
internal sealed class ResolutionCheckStep(RoutingDb db, WorkItemMoves moves) : ITimedStep
{
    public TimerKind Kind => TimerKind.ResolutionCheck;

    public async Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext c, CancellationToken ct)
    {
        var item = c.Item;
        if (item.State != WorkItemState.Resolved || item.ResolvedAt is not { } resolvedAt) return [];

        var returned = await db.Reports.CountAsync(
            r => r.PatternKey == c.Report.PatternKey && r.Id != item.ReportId && r.ReceivedAt > resolvedAt, ct);
        return returned > 0
            ? await TimedSteps.MoveAsync(c, moves, WorkItemTrigger.Reopen,
                (before, after) => new WorkItemReopened(before, after, returned, item.AckDueAt, item.ResolveDueAt), ct)
            : await TimedSteps.MoveAsync(c, moves, WorkItemTrigger.Verify,
                (before, after) => new WorkItemVerified(before, after, resolvedAt), ct);
    }
}
