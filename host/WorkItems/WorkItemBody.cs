using System.Text.Json;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// A work item as the API shows it: state, priority, due times, version, its lifecycle, the
/// actions allowed now (each with what it requires) and the fields recorded so far.
internal sealed record WorkItemBody(
    Guid Id, Guid ReportId, string Department, string Priority, string State, int Version,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt,
    int RulesetVersion, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> AllowedActions,
    WorkItemBody.LifecycleRef Lifecycle, IReadOnlyList<WorkItemBody.AllowedAction> Actions, JsonElement Fields)
{
    /// Which lifecycle the item follows: its id, as of the ruleset version that opened the item.
    public sealed record LifecycleRef(string Id, int Version);

    /// An action allowed now: who takes it, where it leads, and what it requires.
    public sealed record AllowedAction(
        string Name, string Label, string By, string To, string? NoteRequired, string? Confirm, IReadOnlyList<LifecycleField> Fields);

    public static WorkItemBody Of(WorkItem w, Lifecycle lifecycle) => new(
        w.Id, w.ReportId, w.Department, w.Priority, w.State, w.Version, w.CreatedAt, w.UpdatedAt,
        w.AckDueAt, w.ResolveDueAt, w.RulesetVersion, w.MatchedRules, LifecycleMachine.AllowedActions(lifecycle, w.State),
        new(lifecycle.Id, w.RulesetVersion),
        [.. lifecycle.From(w.State).Where(a => a.Taker != LifecycleAction.Timer)
            .Select(a => new AllowedAction(a.Name, a.Words, a.Taker, a.Target(w.State), a.NoteRequired, a.Confirm, a.Required))],
        JsonDocument.Parse(w.Fields).RootElement);

    public static async Task<WorkItemBody> OfAsync(WorkItem w, ILifecycles lifecycles) =>
        Of(w, await lifecycles.GetAsync(w.RulesetVersion, w.Lifecycle));
}
