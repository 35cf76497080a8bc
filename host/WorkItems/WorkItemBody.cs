using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// A work item as the API shows it: state, priority, due times, version, allowed actions.
internal sealed record WorkItemBody(
    Guid Id, Guid ReportId, string Department, string Priority, WorkItemState State, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt,
    int RulesetVersion, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> AllowedActions)
{
    public static WorkItemBody Of(WorkItem w) => new(
        w.Id, w.ReportId, w.Department, w.Priority, w.State, w.Version, w.CreatedAt, w.UpdatedAt,
        w.AckDueAt, w.ResolveDueAt, w.RulesetVersion, w.MatchedRules, WorkItemLifecycle.AllowedActions(w.State));
}
