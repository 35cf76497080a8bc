using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

public abstract record ActionOutcome
{
    /// The item as the action left it (so the answer needs no second read).
    internal sealed record Done(WorkItem Item) : ActionOutcome;
    /// No action by that name in the item's lifecycle (only people's actions are listed).
    public sealed record UnknownAction(IReadOnlyCollection<string> Actions) : ActionOutcome;
    /// No such item, or one the caller may not see (its existence is not told).
    public sealed record NotFound : ActionOutcome;
    /// The caller sees the item but may not take this action on it.
    public sealed record Forbidden : ActionOutcome;
    /// What is wrong with the input, by field ("version", "note", "confirm", "fields.rootCause.method").
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ActionOutcome;
    public sealed record NotAllowed(string State, IReadOnlyList<string> AllowedActions) : ActionOutcome;
    /// The client acted on an old version: someone changed the item since it was read.
    public sealed record Stale(string State, int Version) : ActionOutcome;
}
