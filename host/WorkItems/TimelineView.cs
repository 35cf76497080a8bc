using Routing.Host.History;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/{id}/timeline: the item's history, oldest first.
internal static class TimelineView
{
    public static async Task<IResult> GetAsync(Guid id, RoutingDb db, CancellationToken ct)
    {
        if (!await db.WorkItems.AnyAsync(w => w.Id == id, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.");
        var events = await db.History.AsNoTracking().Where(e => e.WorkItemId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        return TypedResults.Ok(events.Select(HistoryEntryView.Of));
    }
}
