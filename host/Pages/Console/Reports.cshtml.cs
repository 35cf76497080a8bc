using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
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

    public sealed record Row(Report Report, IReadOnlyList<WorkItem> Items, IReadOnlyList<JoinedItems.Joined> Joined);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string NameOf(string department) => ReportWords.DepartmentName(directory, department);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Reports.AsNoTracking();
        if (User.IsHead())
        {
            var mine = User.Departments();
            query = query.Where(r => db.WorkItems.Any(w => w.ReportId == r.Id && mine.Contains(w.Department))
                || db.History.Any(e => e.ReportId == r.Id && JoinedItems.RecurredKinds.Contains(e.Kind) && mine.Contains(e.Department!)));
        }
        var reports = await query.OrderByDescending(r => r.ReceivedAt).Take(Shown).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var items = await db.WorkItems.AsNoTracking().VisibleTo(User).Where(w => ids.Contains(w.ReportId)).OrderBy(w => w.Department).ToListAsync(ct);
        var joined = await JoinedItems.OfAsync(db, User, directory, ids, ct);
        Rows = [.. reports.Select(r => new Row(r, [.. items.Where(w => w.ReportId == r.Id)], joined[r.Id].ToList()))];
    }
}
