using System.Text;
using Routing.Engine.Lifecycles;
using Stateless;
using Stateless.Graph;

namespace Routing.Workflows.WorkItems;

/// Runs a lifecycle (data) on Stateless. The state lives on the item, in the store; a machine
/// is built around it for each move, so nothing here holds state between requests.
public static class LifecycleMachine
{
    public static StateMachine<string, string> For(Lifecycle lifecycle, Func<string> read, Action<string> write)
    {
        var machine = new StateMachine<string, string>(read, write);
        foreach (var state in lifecycle.States)
        {
            var configured = machine.Configure(state.Name);
            foreach (var action in lifecycle.From(state.Name))
                if (action.Target(state.Name) == state.Name) configured.PermitReentry(action.Name);
                else configured.Permit(action.Name, action.To!);
        }
        return machine;
    }

    /// The state an action takes the item to from `state` (a comment leaves it where it is).
    public static async Task<string> FireAsync(Lifecycle lifecycle, string state, string action)
    {
        if (action == LifecycleAction.Comment) return state;
        var now = state;
        await For(lifecycle, () => now, s => now = s).FireAsync(action);
        return now;
    }

    public static bool Allows(Lifecycle lifecycle, string state, string action) =>
        action == LifecycleAction.Comment || lifecycle.From(state).Any(a => a.Name == action);

    /// The actions people may take in a state, by name in a stable order: the lifecycle's (not
    /// those only a timer takes) and a comment, which changes no state and is allowed in every one.
    public static IReadOnlyList<string> AllowedActions(Lifecycle lifecycle, string state) =>
        [.. lifecycle.From(state).Where(a => a.Taker != LifecycleAction.Timer).Select(a => a.Name)
            .Append(LifecycleAction.Comment).Order(StringComparer.Ordinal)];

    /// Every move the lifecycle allows, in the order its actions are written.
    public static IReadOnlyList<WorkItemMove> Moves(Lifecycle lifecycle) =>
        [.. lifecycle.Actions.SelectMany(a => a.From.Select(from => new WorkItemMove(from, a.Name, a.Target(from), a.Taker == LifecycleAction.Timer)))];

    /// The lifecycle as Mermaid (Stateless's own) or Graphviz (dot) text.
    public static string Graph(Lifecycle lifecycle, string format) =>
        format == "dot" ? Dot(lifecycle) : MermaidGraph.Format(For(lifecycle, () => lifecycle.Start, _ => { }).GetInfo());

    /// Graphviz text for the console's drawing: the API's action names on the arrows, the moves
    /// timers take dashed, waiting states grey, final states with a double border.
    static string Dot(Lifecycle lifecycle)
    {
        var dot = new StringBuilder($$"""
            digraph "{{lifecycle.Id}}" {
              rankdir=LR;
              node [shape=box, style="rounded,filled", fillcolor="#e8f0f7", color="#0b3d62", fontname="Helvetica,Arial,sans-serif", fontsize=13, margin="0.2,0.08"];
              edge [color="#444444", fontname="Helvetica,Arial,sans-serif", fontsize=12];
              start [shape=point, label=""];
              start -> {{lifecycle.Start}};

            """);
        foreach (var state in lifecycle.States.Where(s => s.Kind == LifecycleState.Final))
            dot.AppendLine($"  {state.Name} [peripheries=2];");
        foreach (var state in lifecycle.States.Where(s => s.Kind == LifecycleState.Waiting))
            dot.AppendLine($"  {state.Name} [fillcolor=\"#eeeeee\"];");
        foreach (var move in Moves(lifecycle))
            dot.AppendLine($"  {move.From} -> {move.To} [label=\"{move.Action}\"{(move.ByTimer ? ", style=dashed" : "")}];");
        return dot.Append('}').ToString();
    }
}
