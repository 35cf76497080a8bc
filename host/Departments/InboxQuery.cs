using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;

namespace Routing.Host.Departments;

/// A department's work items, most urgent first, oldest first within a priority: the
/// inbox of the API and of the console.
internal static class InboxQuery
{
    public static async Task<(int Total, List<WorkItem> Items)> PageAsync(
        RoutingDb db, string department, WorkItemState? state, int page, int pageSize, CancellationToken ct)
    {
        var query = db.WorkItems.AsNoTracking().Where(w => w.Department == department);
        if (state is { } s) query = query.Where(w => w.State == s);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(w => w.Priority).ThenBy(w => w.CreatedAt).ThenBy(w => w.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return (total, items);
    }
}
