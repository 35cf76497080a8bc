using Routing.Host.History;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Host.Access;
using Routing.Engine.Store;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/{id}/timeline: the item's history, oldest first.
internal static class TimelineQuery
{
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RoutingDb db, CancellationToken ct)
    {
        if (!await db.WorkItems.VisibleTo(user).AnyAsync(w => w.Id == id, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.");
        return TypedResults.Ok(await EventsAsync(db, id, ct));
    }

    /// The item's history, oldest first (for the API and the console's item page).
    public static async Task<IReadOnlyList<HistoryEntryBody>> EventsAsync(RoutingDb db, Guid id, CancellationToken ct) =>
        [.. (await db.History.AsNoTracking().Where(e => e.WorkItemId == id).OrderBy(e => e.Sequence).ToListAsync(ct)).Select(HistoryEntryBody.Of)];
}
