using System.Text.Json.Serialization;
using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// The fix held: measured (the segment's rate fell to its target), or by the recurrence rule (the
/// pattern was not reported again), or as the submitting CSM decided an inconclusive check.
[HistoryKind(HistoryKinds.Verified)]
internal sealed record WorkItemVerified(string Before, string After, DateTimeOffset ResolvedAt) : HistoryData
{
    /// How it was judged; absent in events written before fixes were measured.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EffectivenessOutcome? Effectiveness { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    public override string Summary() => Effectiveness is { Method: "measured" } e
        ? $"Verified: {e.Explanation}{(Note is null ? "" : $" \"{Note}\"")}"
        : "Verified: the pattern did not come back";
}
