using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

internal static class TimedSteps
{
    public const string Actor = "system:timer";

    /// Moves the item as the timer decided, by the one path every move takes; the timers the
    /// move started are handed to Hangfire with the firing's others.
    public static async Task<IReadOnlyList<HistoryEntry>> MoveAsync(
        TimedStepContext c, WorkItemMoves moves, WorkItemTrigger trigger, Func<WorkItemState, WorkItemState, HistoryData> record, CancellationToken ct)
    {
        var moved = await moves.MoveAsync(c.Item, trigger, Actor, note: null, record, c.Now, ct, firing: c.Timer.Id);
        c.NewTimers.AddRange(moved.Timers);
        return moved.History;
    }

    /// Moves the item to Escalated, when its state allows.
    public static Task<IReadOnlyList<HistoryEntry>> EscalateAsync(
        TimedStepContext c, WorkItemMoves moves, string reason, CancellationToken ct) =>
        WorkItemLifecycle.Allows(c.Item.State, WorkItemTrigger.Escalate)
            ? MoveAsync(c, moves, WorkItemTrigger.Escalate, (before, after) => new WorkItemEscalated(before, after, reason), ct)
            : Task.FromResult<IReadOnlyList<HistoryEntry>>([]);
}
