using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Host.Access;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// A work item as the API shows it: state, priority, due times, version, allowed actions.
internal static class WorkItemView
{
    public sealed record Body(
        Guid Id, Guid ReportId, string Department, string Priority, WorkItemState State, int Version,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset AckDueAt, DateTimeOffset ResolveDueAt,
        int RulesetVersion, IReadOnlyList<string> MatchedRules, IReadOnlyList<string> AllowedActions);

    public static Body ToBody(WorkItem w) => new(
        w.Id, w.ReportId, w.Department, w.Priority, w.State, w.Version, w.CreatedAt, w.UpdatedAt,
        w.AckDueAt, w.ResolveDueAt, w.RulesetVersion, w.MatchedRules, WorkItemLifecycle.AllowedActions(w.State));

    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RoutingDb db, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(w => w.Id == id, ct);
        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.")
            : TypedResults.Ok(ToBody(item));
    }
}
