using Routing.Engine.Lifecycles;
using Routing.Tests.Infrastructure;
using Routing.Workflows.WorkItems;

namespace Routing.Tests.Workflows;

/// What each state of the shipped standard lifecycle waits for is said by its data.
public sealed class LifecycleStatesTests
{
    [Fact]
    public void Final_states_are_those_no_move_leaves_and_the_others_await_acknowledgement_resolution_or_the_check()
    {
        var standard = TestRules.Lifecycle(Lifecycle.Standard);
        string[] final = ["Verified", "HandedBack", "Cancelled"];
        Assert.Equal(final, standard.StatesOf(WorkItemStage.Final));
        Assert.All(final, s => Assert.DoesNotContain(LifecycleMachine.Moves(standard), m => m.From == s));
        Assert.All(standard.States.Where(s => !final.Contains(s.Name)), s => Assert.Contains(LifecycleMachine.Moves(standard), m => m.From == s.Name));
        Assert.Equal(["Routed", "Reopened"], standard.StatesOf(WorkItemStage.Acknowledgement));
        Assert.Equal(["Acknowledged", "InProgress", "Escalated"], standard.StatesOf(WorkItemStage.Resolution));
        Assert.Equal(["Resolved"], standard.StatesOf(WorkItemStage.Waiting));
    }
}
