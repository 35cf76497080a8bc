using System.Security.Claims;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;
using Routing.Host.Access;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// The actions a console user may take on an item now: those its lifecycle allows in its state
/// that are theirs to take (the department's, or the CSMs'), and a comment where they may act.
internal static class ConsoleActions
{
    public static IReadOnlyList<string> Allowed(ClaimsPrincipal user, WorkItem item, Lifecycle lifecycle, IDepartmentDirectory directory)
    {
        var caller = user.ToCaller();
        return [.. LifecycleMachine.AllowedActions(lifecycle, item.State)
            .Where(a => WorkItemActions.MayTake(caller, lifecycle.Action(a), item.Department, directory))];
    }
}
