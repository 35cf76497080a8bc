using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// The open items that later reports of a pattern joined: a recurrence makes no item of its own,
/// the history records which items it joined and how it raised their priority. Only the items
/// the user may see.
internal static class JoinedItems
{
    /// An item a recurrence joined, its department's name, the title of the report the item works,
    /// and how the recurrence raised its priority ("P3 → P1"), if it did.
    public sealed record Joined(WorkItem Item, string Department, string Title, string? Raised);

    public static readonly string[] RecurredKinds = HistoryKinds.StoredAs(HistoryKinds.Recurred);

    /// The items each of the reports joined, by report id.
    public static async Task<ILookup<Guid, Joined>> OfAsync(
        RoutingDb db, ClaimsPrincipal user, IDepartmentDirectory directory, IReadOnlyCollection<Guid> reportIds, CancellationToken ct)
    {
        List<Guid?> ids = [.. reportIds.Select(id => (Guid?)id)];
        string[] kinds = [.. RecurredKinds, HistoryKinds.WorkItemReprioritized];
        var events = await db.History.AsNoTracking()
            .Where(e => ids.Contains(e.ReportId) && e.WorkItemId != null && kinds.Contains(e.Kind))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var recurred = events.Where(e => RecurredKinds.Contains(e.Kind)).ToList();
        var itemIds = recurred.Select(e => e.WorkItemId!.Value).Distinct().ToList();
        var items = await db.WorkItems.AsNoTracking().VisibleTo(user).Where(w => itemIds.Contains(w.Id)).OrderBy(w => w.Department).ToListAsync(ct);
        var worked = items.Select(w => w.ReportId).Distinct().ToList();
        var titles = await db.Reports.AsNoTracking().Where(r => worked.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        return recurred
            .Join(items, e => e.WorkItemId, w => w.Id, (e, w) => (Report: e.ReportId!.Value, Item: w))
            .ToLookup(j => j.Report, j => new Joined(j.Item, ReportWords.DepartmentName(directory, j.Item.Department), titles[j.Item.ReportId], events
                .Where(e => e.Kind == HistoryKinds.WorkItemReprioritized && e.ReportId == j.Report && e.WorkItemId == j.Item.Id)
                .Select(e => ReportWords.Raised(e.Kind, e.Data)).FirstOrDefault(r => r is not null)));
    }
}
