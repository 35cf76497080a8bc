namespace Routing.Engine.WorkItems;

/// A rule that opened a work item, under its ruleset version: what rule quality is counted by.
/// Items a hand-back opens for triage have none.
internal sealed class WorkItemRule
{
    public Guid WorkItemId { get; set; }
    public required string Rule { get; set; }
    public int RulesetVersion { get; set; }
    public required string Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    // The item's outcome, kept in step with its facts by the database (MetricsTriggers), so that rule
    // quality reads these narrow rows alone, from one index, however many items there are.
    public bool HandedBack { get; set; }
    public bool Resolved { get; set; }
    public long? ResolveTookSeconds { get; set; }
    public bool Verified { get; set; }
    public bool Reopened { get; set; }
}
