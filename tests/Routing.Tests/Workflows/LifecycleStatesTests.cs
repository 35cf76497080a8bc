using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Tests.Workflows;

/// Which states are open, final and waiting is said by the lifecycle.
public sealed class LifecycleStatesTests
{
    [Fact]
    public void Final_states_are_those_no_move_leaves_and_every_other_state_is_open()
    {
        Assert.Equal([WorkItemState.Verified, WorkItemState.HandedBack, WorkItemState.Cancelled],
            WorkItemLifecycle.Final);
        Assert.All(WorkItemLifecycle.Final, s => Assert.DoesNotContain(WorkItemLifecycle.Moves, m => m.From == s));
        Assert.Equal(Enum.GetValues<WorkItemState>().Except(WorkItemLifecycle.Final).Order(), WorkItemLifecycle.Open.Order());
        Assert.Equal([WorkItemState.Routed, WorkItemState.Reopened], WorkItemLifecycle.AwaitingAcknowledgement);
        Assert.Equal([WorkItemState.Acknowledged, WorkItemState.InProgress, WorkItemState.Escalated], WorkItemLifecycle.AwaitingResolution);
    }
}
