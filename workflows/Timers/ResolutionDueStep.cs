using Routing.Engine.History;
using Routing.Engine.Timers;
using Routing.Workflows.Notifications;

namespace Routing.Workflows.Timers;

/// Not resolved by the due time: escalate.
internal sealed class ResolutionDueStep(Notifier notifier) : ITimedStep
{
    public TimerKind Kind => TimerKind.ResolutionDue;

    public Task<IReadOnlyList<HistoryEntry>> FireAsync(TimedStepContext c, CancellationToken ct) =>
        TimedSteps.EscalateAsync(c, notifier, "not resolved by its due time", ct);
}
