using System.Text.Json.Serialization;

namespace Routing.Engine.Lifecycles;

/// An action of a lifecycle: from which states to which (none: the item stays where it is, as a
/// CAPA keeps its place when it escalates), who takes it (`department`: its heads;
/// `csm`: the customer-service managers; `timer`: only a timed step), the fields it records, and
/// whether it needs a note (`noteRequired`: what the note must say) or, a final action, a
/// confirmation (`confirm`: why it asks).
///
/// Some names carry the service's own effects, whichever lifecycle uses them: `escalate` tells
/// the escalation contact, `reopen` starts the due times again, `verify` tells the department,
/// `hand-back` opens the item again in triage. `comment` is every lifecycle's, in every state.
public sealed record LifecycleAction(
    [property: System.ComponentModel.Description("The action's name, unique in the lifecycle; escalate, reopen, verify and hand-back carry the service's own effects, comment is every lifecycle's.")] string Name,
    [property: System.ComponentModel.Description("The states it can be taken in.")] IReadOnlyList<string> From,
    [property: System.ComponentModel.Description("The state it leaves the item in; none: the item stays where it is.")] string? To = null,
    [property: System.ComponentModel.Description("Who takes it: department (its heads, the default), csm (the customer-service managers) or timer (only a timed step).")] string? By = null,
    [property: System.ComponentModel.Description("The fields it records, asked for when it is taken.")] IReadOnlyList<LifecycleField>? Fields = null,
    [property: System.ComponentModel.Description("The action needs a note: what the note must say.")] string? NoteRequired = null,
    [property: System.ComponentModel.Description("A final action asks for confirmation: why it asks.")] string? Confirm = null,
    [property: System.ComponentModel.Description("The button's words; the name in words when not given (hand-back: Hand back).")] string? Label = null,
    [property: System.ComponentModel.Description("What it means, shown beside the button.")] string? Description = null)
{
    public const string Department = "department";
    public const string Csm = "csm";
    public const string Timer = "timer";
    public static readonly string[] Takers = [Department, Csm, Timer];

    public const string Comment = "comment";
    public const string Escalate = "escalate";
    public const string Reopen = "reopen";
    public const string Verify = "verify";
    public const string HandBack = "hand-back";
    public const string Cancel = "cancel";
    public const string Resolve = "resolve";

    [JsonIgnore] public string Taker => By ?? Department;

    /// The state the action leaves an item in, taken from `from`.
    public string Target(string from) => To ?? from;

    [JsonIgnore] public IReadOnlyList<LifecycleField> Required => Fields ?? [];

    /// The name as a button says it: its label, or the name in words ("hand-back" → "Hand back").
    [JsonIgnore] public string Words => Label ?? (char.ToUpperInvariant(Name[0]) + Name[1..].Replace('-', ' '));
}
