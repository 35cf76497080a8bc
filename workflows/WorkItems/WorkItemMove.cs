namespace Routing.Workflows.WorkItems;

/// One move of a lifecycle: from a state, by an action, to a state (the same one for an action
/// that keeps the item where it is); `ByTimer` when only a timed step takes it.
public sealed record WorkItemMove(string From, string Action, string To, bool ByTimer);
