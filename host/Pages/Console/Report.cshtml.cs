using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.Effectiveness;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// One report: the problem, and the work items it became, or, for a recurrence, the open items it
/// joined, each with how its fix is judged (the CSM sees the verdicts of all its items). A head
/// sees a report through the items of their departments it became or joined.
[Authorize(Policy = Policies.Read)]
internal sealed class ReportModel(RoutingDb db, IDepartmentDirectory directory, EffectivenessReading reading) : PageModel
{
    public Report Report { get; private set; } = null!;
    public IReadOnlyList<ItemOfReport> Items { get; private set; } = [];
    public IReadOnlyList<JoinedItems.Joined> Joined { get; private set; } = [];
    /// The effectiveness of each item the user may open, by its id.
    public IReadOnlyDictionary<Guid, EffectivenessView> Verdicts { get; private set; } = new Dictionary<Guid, EffectivenessView>();

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
        // A report goes to a few departments: each item's effectiveness read live, as its own page does.
        var ids = Items.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToList();
        var verdicts = new Dictionary<Guid, EffectivenessView>();
        foreach (var item in await db.WorkItems.AsNoTracking().Where(w => ids.Contains(w.Id)).ToListAsync(ct))
            verdicts[item.Id] = await reading.ForAsync(item, ct);
        Verdicts = verdicts;
        return Page();
    }
}
