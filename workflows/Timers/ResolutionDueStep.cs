using Routing.Engine.History;
using Routing.Engine.Timers;
using Routing.Workflows.WorkItems;

namespace Routing.Workflows.Timers;

/// Not resolved by the due time: escalate.
internal sealed class ResolutionDueStep(WorkItemMoves moves) : ITimedStep
{
    public TimerKind Kind => TimerKind.ResolutionDue;

    public Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext c, CancellationToken ct) =>
        TimedSteps.EscalateAsync(c, moves, "not resolved by its due time", ct);
}
