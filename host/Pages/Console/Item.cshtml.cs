using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Effectiveness;
using Routing.Engine.Access;
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
/// its effectiveness (how its fix is judged, and a CSM's decision when the check stayed
/// inconclusive) and its timeline, oldest first.
[Authorize(Policy = Policies.Read)]
internal sealed class ItemModel(RoutingDb db, IDepartmentDirectory directory, ILifecycles lifecycles, EffectivenessReading reading, TimeProvider clock,
    IWorkingCalendars calendars) : PageModel
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
    /// Where its SLA clock stands: the calendar it counts on, the time left, a pause.
    public SlaStatus Sla { get; private set; } = null!;
    public EffectivenessSection Effectiveness { get; private set; } = null!;

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
        Sla = SlaStatus.Of(item, calendars, Now);
        Report = await db.Reports.AsNoTracking().FirstAsync(r => r.Id == item.ReportId, ct);
        Others = [.. (await ItemOfReport.OfAsync(db, User, item.ReportId, ct)).Where(o => o.Id != id)];
        Timeline = await TimelineQuery.EventsAsync(db, id, ct);
        Recurrences = await RecurrencesAsync(ct);
        Lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
        Record = RecordedSteps.Record(Lifecycle, Timeline);
        var decided = ViewData["Decided"] as EffectivenessSection.Decision;
        Effectiveness = new(item, await reading.ForAsync(item, ct), User.ToCaller().Role is Roles.Csm or Roles.Admin, decided);
        // The action forms offer the criterion only for a fix that will be measured (_ItemActSection).
        // (a reopened item keeps its last criterion until it is resolved again).
        ViewData["Measured"] = Effectiveness.View.Method == EffectivenessMethods.Measured && item.ResolvedAt is null;
        ViewData["DefaultTarget"] = Effectiveness.View.DefaultTarget;
        return Page();
    }

    /// A CSM's decision on a fix whose check stayed inconclusive (EffectivenessDecision); the page
    /// shows its outcome in the Effectiveness section, each problem at its field.
    public async Task<IActionResult> OnPostDecideAsync(Guid id, string? verdict, string? note, int? version,
        [FromServices] EffectivenessDecision decision, CancellationToken ct)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var outcome = await decision.DecideAsync(id, verdict, note, version, User.ToCaller(), ct);
        EffectivenessSection.Decision Said(int status, string message, IReadOnlyDictionary<string, string>? errors = null) =>
            new(status, message, status != StatusCodes.Status200OK, verdict, note, errors ?? new Dictionary<string, string>());
        var decided = outcome switch
        {
            ActionOutcome.Done done => Said(StatusCodes.Status200OK,
                $"Decided: the fix was {(verdict == EffectivenessVerdicts.Effective ? "effective" : "not effective")}; the item is now {done.Item.State}."),
            ActionOutcome.Invalid { Errors: var errors } => Said(StatusCodes.Status422UnprocessableEntity,
                $"Nothing changed: {Words.Plural(errors.Count, "field")} {(errors.Count == 1 ? "needs" : "need")} attention.",
                errors.ToDictionary(e => e.Key, e => e.Value[0])),
            ActionOutcome.NotAllowed => Said(StatusCodes.Status409Conflict, "No decision awaits: the check is not inconclusive, or it was decided already."),
            ActionOutcome.Stale => Said(StatusCodes.Status409Conflict, "The item changed since you loaded the page; here it is as it is now."),
            ActionOutcome.Forbidden => null,
            _ => null,
        };
        if (decided is null) return StatusCode(outcome is ActionOutcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status404NotFound);
        ViewData["Decided"] = decided;
        var page = await OnGetAsync(id, ct);
        Response.StatusCode = decided.Status;
        return page;
    }

    /// The criterion typed in the form, when the action posted resolves the item: the everyday form
    /// carries the inputs beside every button, and a comment must not be refused for them.
    async Task<PostedEffectiveness?> CriterionPostedAsync(Guid id, string action, CancellationToken ct)
    {
        if (PostedEffectiveness.Of(Request.Form) is not { } posted) return null;
        var item = await db.WorkItems.AsNoTracking().VisibleTo(User).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return null;
        var lifecycle = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
        return lifecycle.Action(action) is { } taken && PostedEffectiveness.Resolves(lifecycle, item, taken) ? posted : null;
    }

    /// An action from the page's forms (the inbox's, see ConsoleActing; a step's, with its fields);
    /// the page shows its outcome.
    public async Task<IActionResult> OnPostActAsync(Guid id, string action, int version, string? note, bool confirmed,
        [FromServices] WorkItemActionService actions, [FromServices] WorkItemUndo undo, CancellationToken ct)
    {
        var acted = await ConsoleActing.ActAsync(actions, undo, User, id, action, version, note, confirmed, ct, Request.HasFormContentType ? PostedFields.Of(Request.Form) : null,
            Request.HasFormContentType ? await CriterionPostedAsync(id, action, ct) : null);
        if (acted.Refused) return StatusCode(acted.Status);
        ViewData["Acted"] = acted;
        var page = await OnGetAsync(id, ct);
        Response.StatusCode = acted.Status;
        return page;
    }
}
