using Routing.Engine.WorkItems;

namespace Routing.Engine.Access;

/// A caller's visibility, in the query: what a department head may not see is never loaded.
internal static class Visibility
{
    /// The items the caller can see (Caller.CanSee, in the query).
    public static IQueryable<WorkItem> VisibleTo(this IQueryable<WorkItem> items, Caller caller)
    {
        if (!caller.IsHead) return items;
        var mine = caller.Departments;
        return items.Where(w => mine.Contains(w.Department));
    }
}
