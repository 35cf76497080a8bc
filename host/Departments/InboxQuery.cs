using Microsoft.EntityFrameworkCore;
using Routing.Engine.Access;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Host.Departments;

/// A department's work items, most urgent first, oldest first within a priority: the
/// inbox of the API and of the console, as the caller may see it (a head of another
/// department gets none, whatever the adapter checked before).
internal static class InboxQuery
{
    public static async Task<(int Total, List<WorkItem> Items)> PageAsync(
        RoutingDb db, Caller caller, string department, WorkItemState? state, int page, int pageSize, CancellationToken ct)
    {
        var query = db.WorkItems.AsNoTracking().VisibleTo(caller).Where(w => w.Department == department);
        if (state is { } s) query = query.Where(w => w.State == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(w => w.Priority).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (total, items);
    }
}
