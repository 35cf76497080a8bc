namespace Routing.Engine.WorkItems;

internal static class OpenStates
{
    /// States in which the department still owes work (or a check is pending).
    public static readonly WorkItemState[] All =
    [
        WorkItemState.Routed, WorkItemState.Acknowledged, WorkItemState.InProgress,
        WorkItemState.Escalated, WorkItemState.Reopened, WorkItemState.Resolved,
    ];
}
