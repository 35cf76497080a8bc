using Routing.Engine.History;
using Routing.Engine.Reports;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.Timers;

/// What happens when a timer of one kind fires. Implementations are found by convention.
/// A step decides (remind, escalate, reopen, verify); a move goes through WorkItemMoves, which
/// applies its effects. Timers the step starts go in the context, to be handed to Hangfire
/// soon; the firing commits it all with the history the step returns, or nothing.
internal interface ITimedStep
{
    TimerKind Kind { get; }
    Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext context, CancellationToken ct);
}

internal sealed record TimedStepContext(WorkItemTimer Timer, WorkItem Item, Report Report, DateTimeOffset Now)
{
    public List<WorkItemTimer> NewTimers { get; } = [];
}
