using System.Text.Json;
using System.Text.Json.Serialization;
using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// A person's action on a work item: its state before and after, the note they left and the
/// fields the action recorded (its lifecycle says which). The actions every lifecycle knows have a
/// kind (and so a record) of their own; any other is WorkItemActionTaken, which names it.
internal abstract record WorkItemActed(string Before, string After, string? Note) : HistoryData
{
    /// The fields recorded, by name, as sent (checked against the lifecycle).
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, JsonElement>? Fields { get; init; }

    protected string Moved(string what) => $"{what}: {Before} → {After}{Quoted(Note)}{Recorded()}";

    /// The fields as a sentence ends with them: "; rootCause.method: fishbone; …".
    string Recorded() => Fields is { Count: > 0 } fields
        ? string.Concat(fields.Select(f => $"; {f.Key}: {(f.Value.ValueKind == JsonValueKind.Array
            ? string.Join(", ", f.Value.EnumerateArray().Select(e => e.ToString())) : f.Value.ToString())}"))
        : "";
}

[HistoryKind(HistoryKinds.ActionTaken)]
internal sealed record WorkItemActionTaken(string Action, string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved(char.ToUpperInvariant(Action[0]) + Action[1..].Replace('-', ' '));
}

[HistoryKind(HistoryKinds.Acknowledged)]
internal sealed record WorkItemAcknowledged(string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Acknowledged");
}

[HistoryKind(HistoryKinds.Started)]
internal sealed record WorkItemStarted(string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Started");
}

[HistoryKind(HistoryKinds.Resolved)]
internal sealed record WorkItemResolved(string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Resolved");
}

[HistoryKind(HistoryKinds.HandedBack)]
internal sealed record WorkItemHandedBack(string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Handed back to triage");
}

[HistoryKind(HistoryKinds.Cancelled)]
internal sealed record WorkItemCancelled(string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Cancelled");
}

[HistoryKind(HistoryKinds.Commented)]
internal sealed record WorkItemCommented(string Before, string After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => $"Comment{Quoted(Note)}";
}
