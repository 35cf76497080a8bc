using Routing.Engine.Lifecycles;

namespace Routing.Engine.WorkItems;

/// A change in how many of a department's work items are in a state: +1 for an item that came
/// into it, -1 for one that left it, or the sum of many such rows once folded. Written by the
/// database (WorkItemTallies' triggers), never from here.
internal sealed class WorkItemTally
{
    public long Id { get; set; }
    public required string Department { get; set; }
    public WorkItemStage Stage { get; set; }
    public required string State { get; set; }
    public int Items { get; set; }
}
