using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.Access;
using Routing.Engine.Effectiveness;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;

namespace Routing.Workflows.WorkItems;

/// The CSM's decision on a fix whose check stayed inconclusive after its extended window: verify
/// it or reopen it, with the numbers in front of them and a note the history keeps.
internal sealed class EffectivenessDecision(
    RoutingDb db, HistoryJournal journal, ILifecycles lifecycles, WorkItemMoves moves, EffectivenessReading reading,
    TimeProvider clock, ILogger<EffectivenessDecision> log)
{
    public async Task<ActionOutcome> DecideAsync(Guid id, string? verdict, string? note, int? version, Caller caller, CancellationToken ct)
    {
        if (caller.Role is not (Roles.Csm or Roles.Admin)) return new ActionOutcome.Forbidden();
        var errors = new Dictionary<string, string[]>();
        if (version is null) errors["version"] = ["is required: send the version you last read."];
        if (verdict is not (EffectivenessVerdicts.Effective or EffectivenessVerdicts.NotEffective))
            errors["verdict"] = [$"must be \"{EffectivenessVerdicts.Effective}\" (the item is verified) or \"{EffectivenessVerdicts.NotEffective}\" (it reopens)."];
        if (string.IsNullOrWhiteSpace(note)) errors["note"] = ["is required: say why, for the history."];
        else if (note.Length > WorkItemActions.MaxNote) errors["note"] = [$"must be at most {WorkItemActions.MaxNote} characters."];
        if (errors.ContainsKey("version")) return new ActionOutcome.Invalid(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.WorkItems.VisibleTo(caller).FirstOrDefaultAsync(w => w.Id == id, ct) is not { } item) return new ActionOutcome.NotFound();
        if (item.Version != version) return new ActionOutcome.Stale(item.State, item.Version);
        var criterion = await db.Effectiveness.Latest(id).FirstOrDefaultAsync(ct);
        var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
        if (criterion is not { Verdict: EffectivenessVerdicts.Inconclusive, DecidedBy: null } || !lifecycle.Checks(item.State))
            return new ActionOutcome.NotAllowed(item.State, []);
        if (errors.Count > 0) return new ActionOutcome.Invalid(errors);

        var view = await reading.ForAsync(item, ct);
        var outcome = new EffectivenessOutcome(EffectivenessMethods.Measured, EffectivenessVerdicts.Inconclusive, view.Explanation,
            view.Before?.Complaints, view.Before?.UnitsSold, view.After?.Complaints, view.After?.UnitsSold, criterion.Target, view.PValue);
        criterion.DecidedBy = caller.Name;
        var now = clock.Now();
        var resolvedAt = item.ResolvedAt!.Value;
        var moved = verdict == EffectivenessVerdicts.Effective
            ? await moves.MoveAsync(item, lifecycle, LifecycleAction.Verify, caller.Name, note,
                (b, a) => new WorkItemVerified(b, a, resolvedAt) { Effectiveness = outcome, Note = note }, now, ct, outcome: outcome)
            : await moves.MoveAsync(item, lifecycle, LifecycleAction.Reopen, caller.Name, note,
                (b, a) => new WorkItemReopened(b, a, view.ReportsSinceResolution, item.AckDueAt, item.ResolveDueAt) { Effectiveness = outcome, Note = note },
                now, ct, outcome: outcome);
        if (!await db.TryCommitAsync(journal, tx, moved.History, ct))
        {
            var current = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
            return new ActionOutcome.Stale(current.State, current.Version);
        }
        log.LogInformation("Work item {WorkItemId}: inconclusive fix decided {Verdict} by {Actor}", id, verdict, caller.Name);
        return new ActionOutcome.Done(item);
    }
}
