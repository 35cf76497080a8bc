using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// One report: the problem, and the work items it became, or, for a recurrence, the open items it
/// joined. A head sees a report through the items of their departments it became or joined.
[Authorize(Policy = Policies.Read)]
internal sealed class ReportModel(RoutingDb db, IDepartmentDirectory directory) : PageModel
{
    public Report Report { get; private set; } = null!;
    public IReadOnlyList<ItemOfReport> Items { get; private set; } = [];
    public IReadOnlyList<JoinedItems.Joined> Joined { get; private set; } = [];

    /// Just submitted from a candidate pattern's page, to say so.
    [BindProperty(SupportsGet = true)] public bool Submitted { get; set; }

    public string NameOf(string department) => ReportWords.DepartmentName(directory, department);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return NotFound();
        Report = report;
        Items = await ItemOfReport.OfAsync(db, User, id, ct);
        Joined = [.. (await JoinedItems.OfAsync(db, User, directory, [id], ct))[id]];
        if (User.IsHead() && !Items.Any(i => i.Id is not null) && Joined.Count == 0) return NotFound();
        return Page();
    }
}
