using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// The latest reports and the work items they became (heads: those of their departments).
[Authorize(Policy = Policies.Read)]
internal sealed class ReportsModel(RoutingDb db) : PageModel
{
    const int Shown = 50;

    public sealed record Row(Report Report, IReadOnlyList<WorkItem> Items);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking();
        if (User.IsHead())
        {
            var mine = User.Departments();
            query = query.Where(r => db.WorkItems.Any(w => w.ReportId == r.Id && mine.Contains(w.Department)));
        }
        var reports = await query.OrderByDescending(r => r.ReceivedAt).Take(Shown).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var items = await db.WorkItems.AsNoTracking().VisibleTo(User).Where(w => ids.Contains(w.ReportId)).OrderBy(w => w.Department).ToListAsync(ct);
        Rows = [.. reports.Select(r => new Row(r, [.. items.Where(w => w.ReportId == r.Id)]))];
    }
}
