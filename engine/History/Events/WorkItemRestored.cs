using System.Text.Json.Serialization;
using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// A cancel or hand-back taken back by the person who took it, soon after and before anything
/// else happened: the item is in the state it left again, and for a hand-back the untouched
/// item it opened in triage is cancelled.
[HistoryKind(HistoryKinds.Restored)]
internal sealed record WorkItemRestored(
    string Before,
    string After,
    string Undid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? CancelledTriageItem = null) : HistoryData
{
    public override string Summary() => $"Restored: {Before} → {After} (the {Undid} was undone)";
}
