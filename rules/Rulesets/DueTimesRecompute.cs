using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Engine.WorkItems;

namespace Routing.Rules.Rulesets;

/// What publishing a version does to the open items whose department's calendar it changes:
/// their due times (and pending timers) counted again on the new calendar, from the time each
/// had left (CalendarSwitch). Preview says what would move, nothing stored; Apply moves them in
/// the publish's transaction, a batch of items at a time, with one history event per item whose
/// due times moved.
internal sealed class DueTimesRecompute(RoutingDb db, HistoryJournal journal, ILifecycles lifecycles, ILogger<DueTimesRecompute> log)
{
    const int BatchSize = 500;
    const int Attempts = 5;

    /// Moves the due times of the open items whose calendar `to` changes from `from`, in the
    /// caller's transaction; how many items' due times moved.
    public async Task<int> ApplyAsync(CompiledRuleset from, CompiledRuleset to, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var changes = CalendarChange.Between(from, to).ToDictionary(c => c.Department);
        if (changes.Count == 0) return 0;
        var ids = await OpenItemsAsync(changes.Keys, null, ct);
        var counted = new HashSet<Guid>();
        log.LogInformation("Ruleset v{Version} changes the calendar of {Departments}: counting the due times of {Items} open item(s) again",
            to.Version, string.Join(", ", changes.Keys), ids.Count);
        var (done, moved) = (0, 0);
        // Items routed while the publish counts (on the old calendar, by the version in use) were
        // opened since it began: read those again until none is new.
        for (; ids.Count > 0; ids = [.. (await OpenItemsAsync(changes.Keys, now, ct)).Where(id => !counted.Contains(id))])
            foreach (var batch in ids.Chunk(BatchSize))
            {
                counted.UnionWith(batch);
                moved += await ApplyAsync(batch, changes, to.Version, actor, now, ct);
                done += batch.Length;
                if (done % (BatchSize * 10) == 0)
                    log.LogInformation("Ruleset v{Version}: {Done} open item(s) counted again, {Moved} moved", to.Version, done, moved);
            }
        log.LogInformation("Ruleset v{Version}: {Done} open item(s) counted again, {Moved} moved", to.Version, done, moved);
        return moved;
    }

    /// One batch, read and written together. A person or a timer that changed one of its items (or
    /// fired one of their timers) meanwhile makes the write fail on its version: EF rolls the batch
    /// back to before it, and it is read and counted again from what they left.
    async Task<int> ApplyAsync(Guid[] batch, Dictionary<string, CalendarChange> changes, int version, string actor, DateTimeOffset now,
        CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var history = new List<HistoryEntry>();
                // Items first: a move committed after they are read is caught by their version on
                // write; one committed before is read with the timers it left.
                var items = await Open(db.WorkItems.Where(w => batch.Contains(w.Id))).ToListAsync(ct);
                // Tracked, as DueTimers moves them: their status is checked on write.
                var timers = (await db.Timers.Where(t => batch.Contains(t.WorkItemId) && t.Status == TimerStatus.Pending).ToListAsync(ct))
                    .ToLookup(t => t.WorkItemId);
                foreach (var item in items)
                {
                    var change = changes[item.Department];
                    var (old, @new) = Clocks(item, change);
                    WorkItemDueTimesMoved.Terms before = new(item.AckDueAt, item.ResolveDueAt);
                    (item.AckDueAt, item.ResolveDueAt) = CalendarSwitch.DueTimes(item, old, @new, now);
                    item.Calendar = change.To?.Id;
                    var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
                    DueTimers.Move(db, timers[item.Id], lifecycle, (t, s) => CalendarSwitch.TimerDue(item, t, s, old, @new, now));
                    WorkItemDueTimesMoved.Terms after = new(item.AckDueAt, item.ResolveDueAt);
                    if (after == before) continue;
                    item.Version++;
                    item.UpdatedAt = now;
                    history.Add(new(actor, new WorkItemDueTimesMoved(version, change.From?.Id, change.To?.Id, before, after),
                        ReportId: item.ReportId, WorkItemId: item.Id, Department: item.Department));
                }
                await journal.AppendAsync(history, ct);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return history.Count;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                log.LogInformation("An item of the batch changed meanwhile; counting the batch again (attempt {Attempt})", attempt + 1);
                db.ChangeTracker.Clear();
            }
        }
    }

    /// What publishing `to` over `from` would do to the open items' due times now; nothing stored.
    public async Task<DueTimeShifts> PreviewAsync(CompiledRuleset from, CompiledRuleset to, DateTimeOffset now, CancellationToken ct)
    {
        var changes = CalendarChange.Between(from, to).ToDictionary(c => c.Department);
        if (changes.Count == 0) return new DueTimeShifts([]);
        var moved = new Dictionary<string, (int Items, TimeSpan Earliest, TimeSpan Latest)>();
        foreach (var batch in (await OpenItemsAsync(changes.Keys, null, ct)).Chunk(BatchSize))
            foreach (var item in await Open(db.WorkItems.AsNoTracking().Where(w => batch.Contains(w.Id))).ToListAsync(ct))
            {
                var (old, @new) = Clocks(item, changes[item.Department]);
                var (ack, resolve) = CalendarSwitch.DueTimes(item, old, @new, now);
                TimeSpan[] shifts = [.. new[] { ack - item.AckDueAt, resolve - item.ResolveDueAt }.Where(s => s != TimeSpan.Zero)];
                if (shifts.Length == 0) continue;
                moved[item.Department] = moved.TryGetValue(item.Department, out var so)
                    ? (so.Items + 1, Min(so.Earliest, shifts.Min()), Max(so.Latest, shifts.Max()))
                    : (1, shifts.Min(), shifts.Max());
            }
        return new DueTimeShifts([.. moved.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m =>
            new DueTimeShifts.DepartmentShifts(m.Key, changes[m.Key].From?.Id, changes[m.Key].To?.Id, m.Value.Items, m.Value.Earliest, m.Value.Latest))]);

        static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
        static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }

    static (SlaClock Old, SlaClock New) Clocks(WorkItem item, CalendarChange change) =>
        (new SlaClock(change.From, item.CalendarTime), new SlaClock(change.To, item.CalendarTime));

    /// Open: its department still owes work (not in a final state, not resolved and watched).
    static IQueryable<WorkItem> Open(IQueryable<WorkItem> items) =>
        items.Where(w => w.Stage != WorkItemStage.Final && w.ResolvedAt == null);

    // Ids only (16 bytes an item), so the items themselves are read a batch at a time.
    // `since`: only those opened since then.
    Task<List<Guid>> OpenItemsAsync(IEnumerable<string> departments, DateTimeOffset? since, CancellationToken ct)
    {
        var names = departments.ToList();
        var open = Open(db.WorkItems.AsNoTracking().Where(w => names.Contains(w.Department)));
        if (since is { } start) open = open.Where(w => w.CreatedAt >= start);
        return open.OrderBy(w => w.Id).Select(w => w.Id).ToListAsync(ct);
    }
}
