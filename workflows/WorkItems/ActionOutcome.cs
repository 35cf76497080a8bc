using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

public abstract record ActionOutcome
{
    /// The item as the action left it (so the answer needs no second read).
    internal sealed record Done(WorkItem Item) : ActionOutcome;
    public sealed record NotFound : ActionOutcome;
    public sealed record NotAllowed(WorkItemState State, IReadOnlyList<string> AllowedActions) : ActionOutcome;
    /// The client acted on an old version: someone changed the item since it was read.
    public sealed record Stale(WorkItemState State, int Version) : ActionOutcome;
}
