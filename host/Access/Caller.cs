using System.Security.Claims;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.WorkItems;

namespace Routing.Host.Access;

/// The signed-in user as the operations below HTTP know them (Routing.Engine.Access.Caller),
/// and the same rules asked of the user directly, for the pages that only read.
internal static class CallerClaims
{
    /// The caller, built once from the user's claims.
    public static Caller ToCaller(this ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "anonymous",
        user.FindFirst(ClaimTypes.Role)?.Value,
        [.. user.FindAll(ApiKeyAuthentication.DepartmentClaim).Select(c => c.Value)]);

    public static bool IsHead(this ClaimsPrincipal user) => user.ToCaller().IsHead;

    public static IReadOnlyList<string> Departments(this ClaimsPrincipal user) => user.ToCaller().Departments;

    public static bool CanSee(this ClaimsPrincipal user, string department) => user.ToCaller().CanSee(department);

    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, ClaimsPrincipal user) => items.VisibleTo(user.ToCaller());

    public static bool CanAct(this ClaimsPrincipal user, string department, IDepartmentDirectory directory) =>
        user.ToCaller().CanAct(department, directory);
}
