using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Workflows.WorkItems;

/// Taking back a cancel or hand-back (the final actions): allowed to the person who took it,
/// within UndoOptions.UndoWithin on the clock, while nothing else happened to the item (its
/// version is the one the action left) and, for a hand-back, while the triage item it opened is
/// untouched. The item is back in its state before with its timers pending again, the triage
/// item is cancelled, and the history says so — in one transaction.
internal sealed class WorkItemUndo(
    RoutingDb db,
    HistoryJournal journal,
    IDepartmentDirectory departments,
    ILifecycles lifecycles,
    WorkItemMoves moves,
    ActingKey acting,
    TimeProvider clock,
    IOptions<UndoOptions> options,
    ILogger<WorkItemUndo> log)
{
    static readonly string[] Undoable = [.. HistoryKinds.StoredAs(HistoryKinds.Cancelled), .. HistoryKinds.StoredAs(HistoryKinds.HandedBack)];

    public async Task<UndoOutcome> UndoAsync(UndoAction input, Caller caller, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var item = await db.WorkItems.VisibleTo(caller).FirstOrDefaultAsync(w => w.Id == input.Item, ct);
        if (item is null) return new UndoOutcome.NotFound();
        // CSMs take some actions of some lifecycles (cancelling a SCAR): only whoever took it may undo it.
        if (!caller.CanAct(item.Department, departments) && caller.Role != Roles.Csm) return new UndoOutcome.Forbidden();

        var taken = await db.History.AsNoTracking().Where(e => e.WorkItemId == item.Id && Undoable.Contains(e.Kind))
            .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        if (item.Version != input.Version || taken is null || HistoryData.Read(taken.Kind, taken.Data) is not WorkItemActed action
            || action.After != item.State)
            return new UndoOutcome.Refused($"Something else happened to the item since, so it stays {item.State}.");
        if (taken.Actor != caller.Name || taken.ActorKeyId != acting.IdOf(caller.Name))
            return new UndoOutcome.Refused($"Only {taken.Actor}, who took the action, may undo it.");
        var now = clock.Now();
        var within = options.Value.UndoWithin;
        if (now > taken.At + within)
            return new UndoOutcome.Refused($"It can be undone only within {Words(within)} of taking it; the item stays {item.State}.");

        var undid = action is WorkItemHandedBack ? LifecycleAction.HandBack : LifecycleAction.Cancel;
        var history = new List<HistoryEntry>();
        WorkItem? triage = null;
        if (action is WorkItemHandedBack)
        {
            triage = await OpenedInTriageAsync(item, ct);
            // Version 1: nobody has acted on it (a move would have bumped it).
            var triageLifecycle = triage is null ? null : await lifecycles.GetAsync(triage.RulesetVersion, triage.Lifecycle);
            if (triage is not { Version: 1 } || !LifecycleMachine.Allows(triageLifecycle!, triage.State, LifecycleAction.Cancel))
                return new UndoOutcome.Refused("Triage has already taken up the item it was handed back as, so the hand-back stands.");
            var note = $"The hand-back of {item.Department}'s item was undone.";
            history.AddRange((await moves.MoveAsync(triage, triageLifecycle!, LifecycleAction.Cancel, caller.Name, note,
                (b, a) => new WorkItemCancelled(b, a, note), now, ct)).History);
        }
        var before = item.State;
        await moves.RestoreAsync(item, await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle), action.Before, now, ct);
        history.Insert(0, new HistoryEntry(caller.Name, new WorkItemRestored(before, item.State, undid, triage?.Id),
            ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department));

        if (!await db.TryCommitAsync(journal, tx, history, ct))
            return new UndoOutcome.Refused("Something else happened to the item meanwhile, so the action stands.");
        log.LogInformation("Work item {WorkItemId}: {Action} undone by {Actor} ({Before} -> {After})", item.Id, undid, caller.Name, before, item.State);
        return new UndoOutcome.Done(item.State, triage?.Id);
    }

    /// The triage item the hand-back opened: its routed event names the handed-back item.
    async Task<WorkItem?> OpenedInTriageAsync(WorkItem item, CancellationToken ct)
    {
        var opened = await db.History.AsNoTracking()
            .Where(e => e.ReportId == item.ReportId && e.Kind == HistoryKinds.WorkItemRouted && e.WorkItemId != item.Id)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.WorkItemId, e.Kind, e.Data }).ToListAsync(ct);
        var id = opened.FirstOrDefault(e => HistoryData.Read(e.Kind, e.Data) is WorkItemRouted r && r.HandedBackItem == item.Id)?.WorkItemId;
        return id is null ? null : await db.WorkItems.FirstOrDefaultAsync(w => w.Id == id, ct);
    }

    /// The undo window in words ("a minute"), for the console's message.
    public string Window => Words(options.Value.UndoWithin);

    static string Words(TimeSpan t) =>
        t.TotalMinutes >= 1 ? (t.TotalMinutes == 1 ? "a minute" : $"{t.TotalMinutes:0.#} minutes") : $"{t.TotalSeconds:0} seconds";
}
