using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

/// One move of the lifecycle: from a state, by an action (or a timer), to a state.
public sealed record WorkItemMove(WorkItemState From, string Action, WorkItemState To, bool ByTimer);
