namespace Routing.Engine.WorkItems;

internal static class OpenStates
{
    /// States in which the department still owes work (or a check is pending).
    public static readonly WorkItemState[] All =
    [
        WorkItemState.Routed, WorkItemState.Acknowledged, WorkItemState.InProgress,
        WorkItemState.Escalated, WorkItemState.Reopened, WorkItemState.Resolved,
    ];

    /// Nobody has taken the item yet: its acknowledgement is due, and follow-ups remind.
    public static readonly WorkItemState[] AwaitingAcknowledgement = [WorkItemState.Routed, WorkItemState.Reopened];

    /// Being worked on: its resolution is due.
    public static readonly WorkItemState[] AwaitingResolution = [WorkItemState.Acknowledged, WorkItemState.InProgress, WorkItemState.Escalated];
}
