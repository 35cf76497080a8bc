namespace Routing.Engine.WorkItems;

/// The work one department must do about one report.
internal sealed class WorkItem
{
    public Guid Id { get; set; }
    public Guid ReportId { get; set; }
    public required string Department { get; set; }
    public required string Priority { get; set; }
    public WorkItemState State { get; set; }
    /// Bumped on every change; clients send it back so a stale action is refused.
    public int Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset AckDueAt { get; set; }
    public DateTimeOffset ResolveDueAt { get; set; }
    public TimeSpan AckWithin { get; set; }
    public TimeSpan ResolveWithin { get; set; }
    public TimeSpan? FollowUpEvery { get; set; }
    public TimeSpan? ResolutionCheckAfter { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    /// Later reports of the same pattern that arrived while this item was open.
    public int Recurrences { get; set; }
    public int RulesetVersion { get; set; }
    public List<string> MatchedRules { get; set; } = [];
}
