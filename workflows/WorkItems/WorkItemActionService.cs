using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

/// A person's action on a work item: checked against the item's lifecycle (the version that
/// opened it) and the version of the item the person saw, then moved by WorkItemMoves (or, a
/// comment, only recorded) in one transaction, with the fields it records.
internal sealed class WorkItemActionService(
    RoutingDb db,
    HistoryJournal journal,
    IDepartmentDirectory departments,
    ILifecycles lifecycles,
    WorkItemMoves moves,
    TimeProvider clock,
    ILogger<WorkItemActionService> log)
{
    /// The one operation behind the API, the console and the CLI: the item as the caller may
    /// see it (a head of another department gets NotFound), the action in its lifecycle, whether
    /// they may take it, the input's problems, then the move.
    public async Task<ActionOutcome> ActAsync(ActOnWorkItem input, Caller caller, CancellationToken ct)
    {
        var (id, actor) = (input.Item, caller.Name);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.WorkItems.VisibleTo(caller).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return new ActionOutcome.NotFound();
        var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
        var action = lifecycle.Action(input.Action);
        var isComment = input.Action == LifecycleAction.Comment;
        if (!isComment && action is not { Taker: not LifecycleAction.Timer })
            return new ActionOutcome.UnknownAction(lifecycle.Actions.Where(a => a.Taker != LifecycleAction.Timer).Select(a => a.Name)
                .Append(LifecycleAction.Comment).ToList());
        if (!WorkItemActions.MayTake(caller, action, item.Department, departments)) return new ActionOutcome.Forbidden();
        var (errors, fields) = WorkItemActions.Problems(input, action);
        // What the person wrote is judged once the action can be taken: a missing version first
        // (the client's mistake), then a stale one, then an action the state does not allow.
        if (errors.ContainsKey("version")) return new ActionOutcome.Invalid(errors);
        if (item.Version != input.Version) return new ActionOutcome.Stale(item.State, item.Version);
        if (!LifecycleMachine.Allows(lifecycle, item.State, input.Action))
            return new ActionOutcome.NotAllowed(item.State, LifecycleMachine.AllowedActions(lifecycle, item.State));
        if (errors.Count > 0) return new ActionOutcome.Invalid(errors);

        var now = clock.Now();
        var before = item.State;
        var note = input.Note;
        if (fields.Count > 0) item.Fields = Recorded(item.Fields, fields);
        IReadOnlyList<HistoryEntry> events = isComment
            ? [new(actor, new WorkItemCommented(before, before, note), ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department)]
            : (await moves.MoveAsync(item, lifecycle, input.Action, actor, note, (b, a) => Acted(input.Action, b, a, note, fields), now, ct)).History;

        if (!await db.TryCommitAsync(journal, tx, events, ct))
        {
            // Another action on this item committed first.
            var current = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
            return new ActionOutcome.Stale(current.State, current.Version);
        }

        log.LogInformation("Work item {WorkItemId}: {Action} by {Actor} ({Before} -> {After})", id, input.Action, actor, before, item.State);
        return new ActionOutcome.Done(item);
    }

    /// The item's recorded fields with the new values over the old.
    static string Recorded(string stored, Dictionary<string, JsonElement> fields)
    {
        var all = JsonNode.Parse(stored)!.AsObject();
        foreach (var (name, value) in fields) all[name] = JsonNode.Parse(value.GetRawText());
        return all.ToJsonString();
    }

    /// What the history records of a person's action: the actions every lifecycle knows have a
    /// kind each; any other is recorded by name. The fields go with it.
    static WorkItemActed Acted(string action, string before, string after, string? note, Dictionary<string, JsonElement> fields)
    {
        WorkItemActed acted = action switch
        {
            "acknowledge" => new WorkItemAcknowledged(before, after, note),
            "start" => new WorkItemStarted(before, after, note),
            LifecycleAction.Resolve => new WorkItemResolved(before, after, note),
            LifecycleAction.HandBack => new WorkItemHandedBack(before, after, note),
            LifecycleAction.Cancel => new WorkItemCancelled(before, after, note),
            _ => new WorkItemActionTaken(action, before, after, note),
        };
        return fields.Count == 0 ? acted : acted with { Fields = fields };
    }
}
