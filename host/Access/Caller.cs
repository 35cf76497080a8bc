using Routing.Engine.WorkItems;
using System.Security.Claims;
using Routing.Engine.Access;
using Routing.Engine.Departments;

namespace Routing.Host.Access;

/// What the signed-in user may see and do, by role and department.
internal static class Caller
{
    public static bool IsHead(this ClaimsPrincipal user) => user.IsInRole(Roles.DepartmentHead);

    public static IReadOnlyList<string> Departments(this ClaimsPrincipal user) =>
        [.. user.FindAll(ApiKeyAuthentication.DepartmentClaim).Select(c => c.Value)];

    /// Department heads see only their departments; everyone else with read access sees all.
    public static bool CanSee(this ClaimsPrincipal user, string department) =>
        !user.IsHead() || user.Departments().Contains(department);

    /// The items the user can see (CanSee, in the query).
    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, ClaimsPrincipal user)
    {
        if (!user.IsHead()) return items;
        var mine = user.Departments();
        return items.Where(w => mine.Contains(w.Department));
    }

    /// Admins act on every item, heads on their departments', CSMs on triage (they own what nobody matched).
    public static bool CanAct(this ClaimsPrincipal user, string department, IDepartmentDirectory directory) =>
        user.IsInRole(Roles.Admin)
        || (user.IsHead() && user.Departments().Contains(department))
        || (user.IsInRole(Roles.Csm) && directory.Find(department)?.Kind == Department.Triage);
}
