using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

/// A person's action on a work item: checked against the lifecycle and the version the
/// person saw, then moved by WorkItemMoves (or, a comment, only recorded) in one transaction.
internal sealed class WorkItemActionService(
    RoutingDb db,
    HistoryJournal journal,
    IDepartmentDirectory departments,
    WorkItemMoves moves,
    TimeProvider clock,
    ILogger<WorkItemActionService> log)
{
    /// The one operation behind the API, the console and the CLI: the item as the caller may
    /// see it (a head of another department gets NotFound), whether they may act, the input's
    /// problems, then the move.
    public async Task<ActionOutcome> ActAsync(ActOnWorkItem input, Caller caller, CancellationToken ct)
    {
        var (id, action, note, actor) = (input.Item, input.Action, input.Note, caller.Name);
        if (!WorkItemActions.TryParse(action, out var trigger))
            return new ActionOutcome.UnknownAction(WorkItemActions.Names);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.WorkItems.VisibleTo(caller).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return new ActionOutcome.NotFound();
        if (!caller.CanAct(item.Department, departments)) return new ActionOutcome.Forbidden();
        if (WorkItemActions.Problems(input) is { Count: > 0 } errors) return new ActionOutcome.Invalid(errors);
        if (item.Version != input.Version) return new ActionOutcome.Stale(item.State, item.Version);

        if (!WorkItemLifecycle.Allows(item.State, trigger))
            return new ActionOutcome.NotAllowed(item.State, WorkItemLifecycle.AllowedActions(item.State));

        var now = clock.Now();
        var before = item.State;
        IReadOnlyList<HistoryEntry> events = trigger == WorkItemTrigger.Comment
            ? [new(actor, Acted(trigger, before, before, note), ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department)]
            : (await moves.MoveAsync(item, trigger, actor, note, (b, a) => Acted(trigger, b, a, note), now, ct)).History;

        if (!await db.TryCommitAsync(journal, tx, events, ct))
        {
            // Another action on this item committed first.
            var current = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
            return new ActionOutcome.Stale(current.State, current.Version);
        }

        log.LogInformation("Work item {WorkItemId}: {Action} by {Actor} ({Before} -> {After})", id, action, actor, before, item.State);
        return new ActionOutcome.Done(item);
    }

    /// What the history records of a person's action: each action has its kind.
    static WorkItemActed Acted(WorkItemTrigger trigger, WorkItemState before, WorkItemState after, string? note) => trigger switch
    {
        WorkItemTrigger.Acknowledge => new WorkItemAcknowledged(before, after, note),
        WorkItemTrigger.Start => new WorkItemStarted(before, after, note),
        WorkItemTrigger.Resolve => new WorkItemResolved(before, after, note),
        WorkItemTrigger.HandBack => new WorkItemHandedBack(before, after, note),
        WorkItemTrigger.Cancel => new WorkItemCancelled(before, after, note),
        WorkItemTrigger.Comment => new WorkItemCommented(before, after, note),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Not a person's action."),
    };
}
