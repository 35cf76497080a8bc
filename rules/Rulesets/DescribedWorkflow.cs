using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

/// A RulesEngine workflow with the description admins write beside it (RulesEngine has no
/// such field, and unknown fields are refused).
internal sealed class DescribedWorkflow : Workflow
{
    [System.ComponentModel.Description("What the workflow is for, for people; the server keeps it and does not run it.")]
    public string? Description { get; set; }
}
