using System.Text.Json.Serialization;
using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// The fix did not hold (the segment's rate did not fall to its target, or the pattern came back
/// after the item was resolved): it is open again with fresh due times.
[HistoryKind(HistoryKinds.Reopened)]
internal sealed record WorkItemReopened(
    string Before, string After, int ReportsSinceResolution, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt) : HistoryData
{
    /// How it was judged; absent in events written before fixes were measured.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EffectivenessOutcome? Effectiveness { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    public override string Summary() => Effectiveness is { Method: "measured" } e
        ? $"Reopened: {e.Explanation}{(Note is null ? "" : $" \"{Note}\"")}"
        : $"Reopened: {ReportsSinceResolution} new report{(ReportsSinceResolution == 1 ? "" : "s")} of the pattern since it was resolved";
}
