using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// The latest reports and the work items they became (heads: those of their departments). A
/// report of a pattern already being worked on became no item of its own: it shows the open
/// items it joined, and how it raised their priority.
[Authorize(Policy = Policies.Read)]
internal sealed class ReportsModel(RoutingDb db, IDepartmentDirectory directory) : PageModel
{
    const int Shown = 50;

    /// An open item a recurrence joined, the title of the report that item works, and how the recurrence raised its priority.
    public sealed record Joined(WorkItem Item, string Title, string? Raised);

    public sealed record Row(Report Report, IReadOnlyList<WorkItem> Items, IReadOnlyList<Joined> Joined);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string NameOf(string department) => directory.Find(department)?.Name ?? department;

    static readonly string[] RecurredKinds = HistoryKinds.StoredAs(HistoryKinds.Recurred);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking();
        if (User.IsHead())
        {
            var mine = User.Departments();
            query = query.Where(r => db.WorkItems.Any(w => w.ReportId == r.Id && mine.Contains(w.Department))
                || db.History.Any(e => e.ReportId == r.Id && RecurredKinds.Contains(e.Kind) && mine.Contains(e.Department!)));
        }
        var reports = await query.OrderByDescending(r => r.ReceivedAt).Take(Shown).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var items = await db.WorkItems.AsNoTracking().VisibleTo(User).Where(w => ids.Contains(w.ReportId)).OrderBy(w => w.Department).ToListAsync(ct);
        var joined = await JoinedAsync([.. ids.Select(id => (Guid?)id)], ct);
        Rows = [.. reports.Select(r => new Row(r, [.. items.Where(w => w.ReportId == r.Id)], joined[r.Id].ToList()))];
    }

    /// The items each recurrence among the reports joined (those the user may see), from the history that recorded it.
    async Task<ILookup<Guid, Joined>> JoinedAsync(List<Guid?> reportIds, CancellationToken ct)
    {
        string[] kinds = [.. RecurredKinds, HistoryKinds.WorkItemReprioritized];
        var events = await db.History.AsNoTracking()
            .Where(e => reportIds.Contains(e.ReportId) && e.WorkItemId != null && kinds.Contains(e.Kind))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var recurred = events.Where(e => RecurredKinds.Contains(e.Kind)).ToList();
        var itemIds = recurred.Select(e => e.WorkItemId!.Value).Distinct().ToList();
        var items = await db.WorkItems.AsNoTracking().VisibleTo(User).Where(w => itemIds.Contains(w.Id)).OrderBy(w => w.Department).ToListAsync(ct);
        var worked = items.Select(w => w.ReportId).Distinct().ToList();
        var titles = await db.Reports.AsNoTracking().Where(r => worked.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        return recurred
            .Join(items, e => e.WorkItemId, w => w.Id, (e, w) => (Report: e.ReportId!.Value, Item: w))
            .ToLookup(j => j.Report, j => new Joined(j.Item, titles[j.Item.ReportId], events
                .Where(e => e.Kind == HistoryKinds.WorkItemReprioritized && e.ReportId == j.Report && e.WorkItemId == j.Item.Id)
                .Select(e => ReportWords.Raised(e.Kind, e.Data)).FirstOrDefault(r => r is not null)));
    }
}
