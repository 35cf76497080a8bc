using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// A person's action on a work item: its state before and after, and the note they left.
/// Every action has this payload, and a kind (and so a record) of its own.
internal abstract record WorkItemActed(WorkItemState Before, WorkItemState After, string? Note) : HistoryData
{
    protected string Moved(string what) => $"{what}: {Before} → {After}{Quoted(Note)}";
}

[HistoryKind(HistoryKinds.Acknowledged)]
internal sealed record WorkItemAcknowledged(WorkItemState Before, WorkItemState After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Acknowledged");
}

[HistoryKind(HistoryKinds.Started)]
internal sealed record WorkItemStarted(WorkItemState Before, WorkItemState After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Started");
}

[HistoryKind(HistoryKinds.Resolved)]
internal sealed record WorkItemResolved(WorkItemState Before, WorkItemState After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Resolved");
}

[HistoryKind(HistoryKinds.HandedBack)]
internal sealed record WorkItemHandedBack(WorkItemState Before, WorkItemState After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Handed back to triage");
}

[HistoryKind(HistoryKinds.Cancelled)]
internal sealed record WorkItemCancelled(WorkItemState Before, WorkItemState After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => Moved("Cancelled");
}

[HistoryKind(HistoryKinds.Commented)]
internal sealed record WorkItemCommented(WorkItemState Before, WorkItemState After, string? Note) : WorkItemActed(Before, After, Note)
{
    public override string Summary() => $"Comment{Quoted(Note)}";
}
