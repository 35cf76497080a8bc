namespace Routing.Engine.Lifecycles;

/// What a work item waits for in its state, whatever its lifecycle calls the state: the
/// department's acknowledgement, its resolution, someone else (a vendor, the resolution check),
/// or nothing (a final state). Stored on the item, so queries need no lifecycle.
public enum WorkItemStage
{
    Acknowledgement,
    Resolution,
    Waiting,
    Final,
}
