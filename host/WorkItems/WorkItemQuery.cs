using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Host.Access;
using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/{id}: one item the caller may see, as a <see cref="WorkItemBody"/>.
internal static class WorkItemQuery
{
    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RoutingDb db, ILifecycles lifecycles,
        IWorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(w => w.Id == id, ct);
        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.")
            : TypedResults.Ok(await WorkItemBody.OfAsync(item, lifecycles, calendars, clock.GetUtcNow()));
    }
}
