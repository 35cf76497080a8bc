namespace Routing.Engine.Rulesets;

/// One stored version of the routing rules: RulesEngine workflows and the departments,
/// both as the JSON the admin wrote. Versions are never edited once stored.
internal sealed class RulesetVersion
{
    public int Version { get; set; }
    public required string WorkflowsJson { get; set; }
    public required string DepartmentsJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
