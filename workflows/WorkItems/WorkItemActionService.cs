using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.Effectiveness;
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
        var now = clock.Now();
        var criterion = await CriterionAsync(input, item, lifecycle, action, actor, now, errors, ct);
        if (errors.Count > 0) return new ActionOutcome.Invalid(errors);

        var before = item.State;
        var note = input.Note;
        if (fields.Count > 0) item.Fields = Recorded(item.Fields, fields);
        IReadOnlyList<HistoryEntry> events = isComment
            ? [new(actor, new WorkItemCommented(before, before, note), ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department)]
            : (await moves.MoveAsync(item, lifecycle, input.Action, actor, note, (b, a) => Acted(input.Action, b, a, note, fields), now, ct,
                criterion)).History;

        if (!await db.TryCommitAsync(journal, tx, events, ct))
        {
            // Another action on this item committed first.
            var current = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
            return new ActionOutcome.Stale(current.State, current.Version);
        }

        log.LogInformation("Work item {WorkItemId}: {Action} by {Actor} ({Before} -> {After})", id, input.Action, actor, before, item.State);
        return new ActionOutcome.Done(item);
    }

    /// The criterion the department set in the resolve step, checked: only an action that resolves
    /// the item sets one, only an item judged by measurement has one, and a criterion looser than
    /// the default (a higher target, a shorter window) needs a note saying why.
    async Task<ItemEffectiveness?> CriterionAsync(
        ActOnWorkItem input, WorkItem item, Lifecycle lifecycle, LifecycleAction? action, string actor, DateTimeOffset now,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (input.Effectiveness is not { } choice) return null;
        // -0 is 0: a negative zero would pass the range check and fail the arithmetic's.
        if (choice.Target is { } given) choice = choice with { Target = given + 0.0 };
        var defaultDays = (int)EffectivenessCriterion.DefaultWindow.TotalDays;
        if (choice.Target is { } target && (double.IsNaN(target) || target < 0 || target >= 1))
            errors["effectiveness.target"] = ["must be a rate of complaints per unit sold, at least 0 and below 1 (0.005 is 0.5%)."];
        if (choice.WindowDays is < 1 or > 365)
            errors["effectiveness.windowDays"] = ["must be between 1 and 365 days."];
        if (action?.To is not { } to || !lifecycle.Checks(to) || lifecycle.Checks(item.State))
        {
            errors["effectiveness"] = ["can be set only by an action that resolves the item."];
            return null;
        }
        if (errors.Count > 0) return null;
        if (await moves.FixAsync(item, actor, now, ct, choice) is not { } criterion)
        {
            errors["effectiveness"] = ["cannot be set: the item's segment has no complaint data and units sold before the fix, so the recurrence rule judges it."];
            return null;
        }
        criterion.Loosened |= criterion.WindowDays < defaultDays;
        if (criterion.Loosened && string.IsNullOrWhiteSpace(input.Note))
            errors["note"] = [$"is required to loosen the effectiveness criterion (by default a target of {criterion.DefaultTarget * 100:0.###}% "
                + $"watched {defaultDays} days): say why."];
        return criterion;
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
