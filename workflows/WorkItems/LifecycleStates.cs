using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

/// The lifecycle's open and waiting states, for the engine's queries.
internal sealed class LifecycleStates : IWorkItemStates
{
    public IReadOnlyList<WorkItemState> Open => WorkItemLifecycle.Open;
    public IReadOnlyList<WorkItemState> AwaitingAcknowledgement => WorkItemLifecycle.AwaitingAcknowledgement;
}
