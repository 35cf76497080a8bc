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
    string Name,
    IReadOnlyList<string> From,
    string? To = null,
    string? By = null,
    IReadOnlyList<LifecycleField>? Fields = null,
    string? NoteRequired = null,
    string? Confirm = null,
    string? Label = null,
    string? Description = null)
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
