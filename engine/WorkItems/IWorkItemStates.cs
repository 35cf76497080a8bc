namespace Routing.Engine.WorkItems;

/// Which states of the work-item lifecycle are open (the department still owes work, or a check
/// is pending) and which await acknowledgement. The lifecycle (workflows) says so; intake asks
/// here for its recurrence check and when a recurrence raises an item.
internal interface IWorkItemStates
{
    IReadOnlyList<WorkItemState> Open { get; }
    IReadOnlyList<WorkItemState> AwaitingAcknowledgement { get; }
}
