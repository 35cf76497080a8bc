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
}
