using Hangfire.Dashboard;
using Routing.Engine.Access;

namespace Routing.Host.Access;

/// The Hangfire dashboard: admins only.
internal sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
}
