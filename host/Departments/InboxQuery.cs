using Microsoft.EntityFrameworkCore;
using Routing.Engine.Access;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Engine.Lifecycles;

namespace Routing.Host.Departments;

/// A department's work items, most urgent first: open items before finished ones, then by
/// priority, then by the time left to the next due time (acknowledgement while nobody has taken
/// an item, resolution while it is worked on). The inbox of the API and of the console, as the
/// caller may see it (a head of another department gets none, whatever the adapter checked before).
internal static class InboxQuery
{
    /// Every state of every lifecycle that is not final.
    public static readonly IReadOnlyCollection<string> Open = ["(open)"];

    public static Task<(int Total, List<WorkItem> Items)> PageAsync(
        RoutingDb db, Caller caller, string department, string? state, int page, int pageSize, CancellationToken ct) =>
        PageAsync(db, caller, department, state is { } s ? [s] : null, page, pageSize, ct);

    /// The items in one of `states` (every item when null); Open for the open ones of every lifecycle.
    /// The totals come from the tallies, not from counting the items. Open items and finished ones
    /// are read apart, each in the order of an index: the open ones by urgency (department, priority,
    /// due time), the finished ones by (department, stage, priority, time, id), so a page sorts
    /// neither every item ever routed nor every item still open.
    public static async Task<(int Total, List<WorkItem> Items)> PageAsync(
        RoutingDb db, Caller caller, string department, IReadOnlyCollection<string>? states, int page, int pageSize, CancellationToken ct)
    {
        if (!caller.CanSee(department)) return (0, []);
        var query = db.WorkItems.AsNoTracking().Where(w => w.Department == department);
        if (states is not null && states != Open) query = query.Where(w => states.Contains(w.State));
        var (openCount, finishedCount) = await WorkItemTallies.CountAsync(db, department, states == Open ? null : states, ct);
        var skip = (page - 1) * pageSize;
        // The due time the database keeps is null for final items only: the open ones come in the order of their index.
        List<WorkItem> items = skip >= openCount ? [] : await query.Where(w => EF.Property<DateTimeOffset?>(w, RoutingDb.InboxDueAt) != null)
            .OrderBy(w => w.Priority).ThenBy(w => EF.Property<DateTimeOffset?>(w, RoutingDb.InboxDueAt)).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Skip(skip).Take(pageSize).ToListAsync(ct);
        if (states == Open) return (openCount, items);
        var total = openCount + finishedCount;
        if (items.Count < pageSize && skip + items.Count < total)
            items.AddRange(await query.Where(w => w.Stage == WorkItemStage.Final).OrderBy(w => w.Priority).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
                .Skip(Math.Max(0, skip - openCount)).Take(pageSize - items.Count).ToListAsync(ct));
        return (total, items);
    }
}
