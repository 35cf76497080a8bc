using System.Text.Json.Serialization;

namespace Routing.Engine.Lifecycles;

/// How a department's work items go from routed to done, as the admin wrote it (JSON, versioned
/// with the ruleset): the states, the actions that move an item between them, the fields an
/// action records, and the timed steps the service takes by itself. LifecycleCheck says whether
/// one is sound; the workflows run it on Stateless.
public sealed record Lifecycle(
    [property: System.ComponentModel.Description("The lifecycle's id, which departments name.")] string Id,
    [property: System.ComponentModel.Description("The state a routed item starts in.")] string Start,
    [property: System.ComponentModel.Description("The states an item can be in.")] IReadOnlyList<LifecycleState> States,
    [property: System.ComponentModel.Description("What people do to move an item from state to state, and the fields they record.")] IReadOnlyList<LifecycleAction> Actions,
    [property: System.ComponentModel.Description("What the service does by itself when a time passes: remind, escalate, check the fix.")] IReadOnlyList<TimedStep>? TimedSteps = null,
    [property: System.ComponentModel.Description("Its name as people read it.")] string? Title = null,
    [property: System.ComponentModel.Description("What it is for, shown to people.")] string? Description = null)
{
    /// The lifecycle a department follows when it names none.
    public const string Standard = "standard";

    [JsonIgnore] public IReadOnlyList<TimedStep> Steps => TimedSteps ?? [];

    public LifecycleState? State(string name) => States.FirstOrDefault(s => s.Name == name);

    public LifecycleAction? Action(string name) => Actions.FirstOrDefault(a => a.Name == name);

    public TimedStep? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);

    /// What the department owes in a state (Final for a state this lifecycle does not have).
    public WorkItemStage StageOf(string state) => State(state)?.Stage ?? WorkItemStage.Final;

    /// The actions that leave a state, in the order written.
    public IEnumerable<LifecycleAction> From(string state) => Actions.Where(a => a.From.Contains(state));

    /// Whether the resolution check runs in the state: entering it resolves the item.
    public bool Checks(string state) => Steps.Any(s => s.Then == TimedStep.Check && s.In.Contains(state));

    /// The names of the states of a stage, for queries and drawings.
    public IEnumerable<string> StatesOf(WorkItemStage stage) => States.Where(s => s.Stage == stage).Select(s => s.Name);
}
