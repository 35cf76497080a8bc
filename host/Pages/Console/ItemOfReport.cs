using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// A department's item of a report as the item and report pages list it: `Id` only when the user
/// may open the item. A head sees which departments work a report they work on, and how far each
/// got: the report's routing is part of the problem they read, and they coordinate on it. The
/// other departments' items themselves (id, notes, timeline) stay with those departments' heads.
internal sealed record ItemOfReport(string Department, string State, string Priority, IReadOnlyList<string> MatchedRules, Guid? Id)
{
    public static async Task<IReadOnlyList<ItemOfReport>> OfAsync(RoutingDb db, ClaimsPrincipal user, Guid reportId, CancellationToken ct) =>
        [.. (await db.WorkItems.AsNoTracking().Where(w => w.ReportId == reportId).OrderBy(w => w.Department).ToListAsync(ct))
            .Select(w => new ItemOfReport(w.Department, w.State, w.Priority, w.MatchedRules, user.CanSee(w.Department) ? w.Id : null))];
}
