using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.Lifecycles;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;
using Routing.Host.History;
using Routing.Host.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// One work item: the problem its report describes, where the item stands, the other departments
/// working the same report, the recurrences it gathered, what its lifecycle's steps recorded,
/// and its timeline, oldest first.
[Authorize(Policy = Policies.Read)]
internal sealed class ItemModel(RoutingDb db, IDepartmentDirectory directory, ILifecycles lifecycles, TimeProvider clock) : PageModel
{
    /// A later report of the pattern that joined this item, and how it raised the item's priority ("P3 → P1").
    public sealed record Recurrence(DateTimeOffset At, Report? Report, string? Raised);

    public WorkItem Item { get; private set; } = null!;
    public Report Report { get; private set; } = null!;
    public IReadOnlyList<ItemOfReport> Others { get; private set; } = [];
    public IReadOnlyList<Recurrence> Recurrences { get; private set; } = [];
    public IReadOnlyList<HistoryEntryBody> Timeline { get; private set; } = [];
    public Lifecycle Lifecycle { get; private set; } = null!;
    /// Each step of the lifecycle with what it last recorded (a CAPA's record).
    public IReadOnlyList<(LifecycleAction Action, RecordedSteps.Step? Recorded)> Record { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public string NameOf(string department) => ReportWords.DepartmentName(directory, department);

    async Task<IReadOnlyList<Recurrence>> RecurrencesAsync(CancellationToken ct)
    {
        var recurred = Timeline.Where(e => e.Kind == HistoryKinds.Recurred && e.ReportId is not null).ToList();
        var ids = recurred.Select(e => e.ReportId!.Value).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return [.. recurred.Select(e => new Recurrence(e.At, reports.GetValueOrDefault(e.ReportId!.Value), Raised(e.ReportId!.Value)))];
    }

    string? Raised(Guid reportId) => Timeline
        .Where(e => e.Kind == HistoryKinds.WorkItemReprioritized && e.ReportId == reportId)
        .Select(e => ReportWords.Raised(e.Kind, e.Data.GetRawText()))
        .FirstOrDefault(r => r is not null);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().VisibleTo(User).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return NotFound();
        Item = item;
        Now = clock.GetUtcNow();
        Report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == item.ReportId, ct);
        Others = [.. (await ItemOfReport.OfAsync(db, User, item.ReportId, ct)).Where(o => o.Id != id)];
        Timeline = await TimelineQuery.EventsAsync(db, id, ct);
        Recurrences = await RecurrencesAsync(ct);
        Lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
        Record = RecordedSteps.Record(Lifecycle, Timeline);
        return Page();
    }

    /// An action from the page's forms (the inbox's, see ConsoleActing; a step's, with its fields);
    /// the page shows its outcome.
    public async Task<IActionResult> OnPostActAsync(Guid id, string action, int version, string? note, bool confirmed,
        [FromServices] WorkItemActionService actions, [FromServices] WorkItemUndo undo, CancellationToken ct)
    {
        var acted = await ConsoleActing.ActAsync(actions, undo, User, id, action, version, note, confirmed, ct, Request.HasFormContentType ? PostedFields.Of(Request.Form) : null);
        if (acted.Refused) return StatusCode(acted.Status);
        ViewData["Acted"] = acted;
        var page = await OnGetAsync(id, ct);
        Response.StatusCode = acted.Status;
        return page;
    }
}
