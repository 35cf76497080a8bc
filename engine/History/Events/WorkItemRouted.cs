using System.Text.Json.Serialization;
using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// A work item opened in a department: routed there by the rules (with its priority, due times
/// and the rules that matched), or opened in triage for an item another department handed back
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
    [property: WrittenWith(nameof(WorkItemRouted.From))] string? Note = null) : HistoryData
{
    public static WorkItemRouted ByRules(WorkItem item) =>
        new(null, item.State, item.Priority, item.AckDueAt, item.ResolveDueAt, item.MatchedRules);

    public static WorkItemRouted HandedBack(WorkItem opened, WorkItem from, string? note) =>
        new(null, opened.State, From: from.Department, HandedBackItem: from.Id, Note: note);

    public override string Summary() => From is { } from
        ? $"Handed back by {from}{Quoted(Note)}"
        : $"Routed as {Priority}: acknowledge by {Text(AckDueAt)}, resolve by {Text(ResolveDueAt)} (rules: {string.Join(", ", MatchedRules ?? [])})";
}
