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
    public static async Task<(int Total, List<WorkItem> Items)> PageAsync(
        RoutingDb db, Caller caller, string department, IReadOnlyCollection<string>? states, int page, int pageSize, CancellationToken ct)
    {
        var query = db.WorkItems.AsNoTracking().VisibleTo(caller).Where(w => w.Department == department);
        if (states == Open) query = query.Where(w => w.Stage != WorkItemStage.Final);
        else if (states is not null) query = query.Where(w => states.Contains(w.State));
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(w => w.Stage != WorkItemStage.Final ? 0 : 1)
            .ThenBy(w => w.Priority)
            .ThenBy(w => w.Stage == WorkItemStage.Acknowledgement ? w.AckDueAt : w.Stage == WorkItemStage.Resolution ? w.ResolveDueAt : DateTimeOffset.MaxValue)
            .ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (total, items);
    }
}
