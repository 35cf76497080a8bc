namespace Routing.Engine.WorkItems;

public enum WorkItemState
{
    Routed,
    Acknowledged,
    InProgress,
    Resolved,
    Verified,
    Escalated,
    Reopened,
    HandedBack,
    Cancelled,
}
