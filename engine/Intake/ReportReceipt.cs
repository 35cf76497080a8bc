namespace Routing.Engine.Intake;

/// The 201 answer to an accepted report (and what an idempotent retry gets back).
public sealed record ReportReceipt(
    Guid ReportId,
    int RulesetVersion,
    IReadOnlyList<WorkItemReceipt> WorkItems,
    IReadOnlyList<string> Notify);

public sealed record WorkItemReceipt(
    Guid Id,
    string Department,
    string Priority,
    string State,
    DateTimeOffset AckDueAt,
    DateTimeOffset ResolveDueAt,
    IReadOnlyList<string> MatchedRules,
    /// True when the report attached to this already open item of the same pattern.
    bool Recurrence,
    /// The item's priority before this recurrence made it more urgent; null when it did not.
    string? ReprioritizedFrom = null,
    /// Why the report went to this department, in the rules' words (their SuccessEvent); null when no rule says.
    string? Reason = null);
