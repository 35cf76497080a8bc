using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

public abstract record UndoOutcome
{
    /// The item is back in the state the action took it from.
    public sealed record Done(string State, Guid? CancelledTriageItem) : UndoOutcome;
    /// No such item, or one the caller may not see.
    public sealed record NotFound : UndoOutcome;
    /// The caller sees the item but may not act on its department's items.
    public sealed record Forbidden : UndoOutcome;
    /// The action stands; why, in a sentence for the person.
    public sealed record Refused(string Why) : UndoOutcome;
}
