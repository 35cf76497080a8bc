using Routing.Engine.WorkItems;
using Stateless;
using Stateless.Graph;
using Stateless.Reflection;

namespace Routing.Workflows.WorkItems;

/// The work-item lifecycle. The state lives on the item (in the store); a machine is built
/// around it for each decision, so nothing here holds state between requests.
public static class WorkItemLifecycle
{
    public static StateMachine<WorkItemState, WorkItemTrigger> For(Func<WorkItemState> read, Action<WorkItemState> write)
    {
        var m = new StateMachine<WorkItemState, WorkItemTrigger>(read, write);

        m.Configure(WorkItemState.Routed)
            .Permit(WorkItemTrigger.Acknowledge, WorkItemState.Acknowledged)
            .Permit(WorkItemTrigger.Start, WorkItemState.InProgress)
            .Permit(WorkItemTrigger.HandBack, WorkItemState.HandedBack)
            .Permit(WorkItemTrigger.Cancel, WorkItemState.Cancelled)
            .Permit(WorkItemTrigger.Escalate, WorkItemState.Escalated);
        m.Configure(WorkItemState.Acknowledged)
            .Permit(WorkItemTrigger.Start, WorkItemState.InProgress)
            .Permit(WorkItemTrigger.Resolve, WorkItemState.Resolved)
            .Permit(WorkItemTrigger.HandBack, WorkItemState.HandedBack)
            .Permit(WorkItemTrigger.Cancel, WorkItemState.Cancelled)
            .Permit(WorkItemTrigger.Escalate, WorkItemState.Escalated);
        m.Configure(WorkItemState.InProgress)
            .Permit(WorkItemTrigger.Resolve, WorkItemState.Resolved)
            .Permit(WorkItemTrigger.HandBack, WorkItemState.HandedBack)
            .Permit(WorkItemTrigger.Cancel, WorkItemState.Cancelled)
            .Permit(WorkItemTrigger.Escalate, WorkItemState.Escalated);
        m.Configure(WorkItemState.Escalated)
            .Permit(WorkItemTrigger.Acknowledge, WorkItemState.Acknowledged)
            .Permit(WorkItemTrigger.Start, WorkItemState.InProgress)
            .Permit(WorkItemTrigger.Resolve, WorkItemState.Resolved)
            .Permit(WorkItemTrigger.HandBack, WorkItemState.HandedBack)
            .Permit(WorkItemTrigger.Cancel, WorkItemState.Cancelled);
        m.Configure(WorkItemState.Resolved)
            .Permit(WorkItemTrigger.Verify, WorkItemState.Verified)
            .Permit(WorkItemTrigger.Reopen, WorkItemState.Reopened);
        m.Configure(WorkItemState.Reopened)
            .Permit(WorkItemTrigger.Acknowledge, WorkItemState.Acknowledged)
            .Permit(WorkItemTrigger.Start, WorkItemState.InProgress)
            .Permit(WorkItemTrigger.HandBack, WorkItemState.HandedBack)
            .Permit(WorkItemTrigger.Cancel, WorkItemState.Cancelled)
            .Permit(WorkItemTrigger.Escalate, WorkItemState.Escalated);
        m.Configure(WorkItemState.Verified);
        m.Configure(WorkItemState.HandedBack);
        m.Configure(WorkItemState.Cancelled);
        return m;
    }

    // The machine has no guards, so its graph (what each state permits) is fixed: read it once.
    static readonly StateMachineInfo Info = For(() => WorkItemState.Routed, _ => { }).GetInfo();

    static readonly Dictionary<WorkItemState, WorkItemTrigger[]> Permitted = Info.States.ToDictionary(
        s => (WorkItemState)s.UnderlyingState,
        s => s.FixedTransitions.Select(t => (WorkItemTrigger)t.Trigger.UnderlyingTrigger).ToArray());

    /// The states no move leaves: the item is done with.
    public static readonly WorkItemState[] Final = [.. Permitted.Where(p => p.Value.Length == 0).Select(p => p.Key).Order()];

    /// The states some move leaves: the department still owes work, or a check is pending.
    /// The engine's queries (intake's recurrence) read them through IWorkItemStates.
    public static readonly WorkItemState[] Open = [.. Permitted.Where(p => p.Value.Length > 0).Select(p => p.Key).Order()];

    /// Waiting for someone to take the item: its acknowledgement is due and follow-ups remind.
    public static readonly WorkItemState[] AwaitingAcknowledgement = [WorkItemState.Routed, WorkItemState.Reopened];

    /// Being worked on: its resolution is due.
    public static readonly WorkItemState[] AwaitingResolution = [WorkItemState.Acknowledged, WorkItemState.InProgress, WorkItemState.Escalated];

    /// The department owes work: the item awaits acknowledgement or resolution. Resolved is
    /// open (its check is pending) but not here: the check is the service's to do, not theirs.
    public static readonly WorkItemState[] AwaitingWork = [.. AwaitingAcknowledgement, .. AwaitingResolution];

    static WorkItemLifecycle()
    {
        if (!AwaitingAcknowledgement.Concat(AwaitingResolution).All(Open.Contains)
            || AwaitingAcknowledgement.Intersect(AwaitingResolution).Any())
            throw new InvalidOperationException("A waiting state must be open, and await one thing: acknowledgement or resolution.");
    }

    /// Every move the lifecycle allows, from the machine's graph.
    public static readonly IReadOnlyList<WorkItemMove> Moves = [.. Info.States.SelectMany(s => s.FixedTransitions.Select(t =>
    {
        var trigger = (WorkItemTrigger)t.Trigger.UnderlyingTrigger;
        // Escalate, verify and reopen are not actions anyone sends: the timers take them.
        var action = WorkItemActions.NameOf(trigger);
        return new WorkItemMove((WorkItemState)s.UnderlyingState, action ?? trigger.ToString().ToLowerInvariant(),
            (WorkItemState)t.DestinationState.UnderlyingState, ByTimer: action is null);
    }))];

    static readonly Dictionary<WorkItemState, IReadOnlyList<string>> Actions = Permitted.ToDictionary(
        p => p.Key,
        p => (IReadOnlyList<string>)[.. p.Value.Append(WorkItemTrigger.Comment)
            .Select(WorkItemActions.NameOf).OfType<string>().Order(StringComparer.Ordinal)]);

    /// The API action names allowed in a state, in a stable order. A comment changes no
    /// state, so it is not in the machine and is allowed in every state.
    public static IReadOnlyList<string> AllowedActions(WorkItemState state) => Actions[state];

    public static bool Allows(WorkItemState state, WorkItemTrigger trigger) =>
        trigger == WorkItemTrigger.Comment || Permitted[state].Contains(trigger);

    static readonly string Mermaid = MermaidGraph.Format(Info);
    static readonly string Dot = DotGraph();

    /// The lifecycle as Mermaid or Graphviz (dot) text.
    public static string Graph(string format) => format == "dot" ? Dot : Mermaid;

    /// Graphviz text for the console's drawing: the API's action names on the arrows, the
    /// moves timers take dashed, final states with a double border.
    static string DotGraph()
    {
        var dot = new System.Text.StringBuilder("""
            digraph lifecycle {
              rankdir=LR;
              node [shape=box, style="rounded,filled", fillcolor="#e8f0f7", color="#0b3d62", fontname="Helvetica,Arial,sans-serif", fontsize=13, margin="0.2,0.08"];
              edge [color="#444444", fontname="Helvetica,Arial,sans-serif", fontsize=12];
              start [shape=point, label=""];
              start -> Routed;

            """);
        foreach (var state in Final)
            dot.AppendLine($"  {state} [peripheries=2];");
        foreach (var move in Moves)
            dot.AppendLine($"  {move.From} -> {move.To} [label=\"{move.Action}\"{(move.ByTimer ? ", style=dashed" : "")}];");
        return dot.Append('}').ToString();
    }
}
