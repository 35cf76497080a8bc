namespace Routing.Engine.Rulesets;

/// One stored version of the routing rules: RulesEngine workflows, the departments, the
/// lifecycles and the calendars, each as the JSON the admin wrote. Versions are never edited once stored.
internal sealed class RulesetVersion
{
    public int Version { get; set; }
    public required string WorkflowsJson { get; set; }
    public required string DepartmentsJson { get; set; }
    /// Null for versions stored before lifecycles were data: they have the shipped standard one.
    public string? LifecyclesJson { get; set; }
    /// Null for versions stored before calendars were data: they have none.
    public string? CalendarsJson { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}
