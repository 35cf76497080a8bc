using System.Text.Json.Serialization;
using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// A work item opened in a department: routed there by the rules (with its priority, due times,
/// the rules that matched and their SuccessEvent as the reason), or opened in triage for an item another department handed back
/// (with where it came from and the note). Each writes only its own fields.
[HistoryKind(HistoryKinds.WorkItemRouted)]
internal sealed record WorkItemRouted(
    string? Before,
    string After,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Priority = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? AckDueAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ResolveDueAt = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? MatchedRules = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? From = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? HandedBackItem = null,
    [property: WrittenWith(nameof(WorkItemRouted.From))] string? Note = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason = null) : HistoryData
{
    /// `reason`: the SuccessEvent of the rules that routed it there, if any says.
    public static WorkItemRouted ByRules(WorkItem item, string? reason = null) =>
        new(null, item.State, item.Priority, item.AckDueAt, item.ResolveDueAt, item.MatchedRules, Reason: reason);

    public static WorkItemRouted HandedBack(WorkItem opened, WorkItem from, string? note) =>
        new(null, opened.State, From: from.Department, HandedBackItem: from.Id, Note: note);

    public override string Summary() => From is { } from
        ? $"Handed back by {from}{Quoted(Note)}"
        : $"Routed as {Priority}: acknowledge by {Text(AckDueAt)}, resolve by {Text(ResolveDueAt)} (rules: {string.Join(", ", MatchedRules ?? [])})"
          + (Reason is { } reason ? $": {reason}" : "");
}
