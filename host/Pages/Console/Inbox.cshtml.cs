using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;
using Routing.Host.Departments;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// A department's work items, open ones and the most urgent first, with what is due when and
/// the actions the user may take. The filters stay in the URL, through every action.
[Authorize(Policy = Policies.Read)]
internal sealed class InboxModel(
    RoutingDb db, IDepartmentDirectory directory, ILifecycles lifecycles, WorkItemActionService actions, WorkItemUndo undo, TimeProvider clock,
    IWorkingCalendars calendars) : PageModel
{
    const int PageSize = 100;

    /// The state filter's two values besides the states: open items (the default), or every item.
    public const string Open = "open", Any = "any";

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];
    /// Each listed item's lifecycle, and the actions the user may take on it now.
    public Dictionary<Guid, Lifecycle> LifecycleOf { get; } = [];
    public Dictionary<Guid, IReadOnlyList<string>> Allowed { get; } = [];
    /// Where each listed item's SLA clock stands (its calendar, the time left, a pause).
    public Dictionary<Guid, SlaStatus> Sla { get; } = [];
    /// The states of the active lifecycles, for the filter.
    public IReadOnlyList<string> States { get; private set; } = [];
    public IReadOnlyDictionary<Guid, (string Title, string Product)> Reports { get; private set; } = new Dictionary<Guid, (string, string)>();
    public int Total { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// The last action's outcome (or the bulk acknowledgement's message), shown at the top and on its row.
    public Acted? Acted { get; private set; }

    /// Whether the user may act on the shown department's items (all of them, or none).
    public bool CanAct { get; private set; }

    /// The page as it is now, with its filters: where the forms post and what the address bar keeps.
    public string Here => $"/console/inbox?department={Uri.EscapeDataString(Department ?? "")}&state={Uri.EscapeDataString(State ?? Open)}";

    public string HandlerUrl(string handler) => $"{Here}&handler={handler}";

    /// How a person tells the item apart: its report's title, and the short id.
    public string NameOf(WorkItem item) => $"{Reports.GetValueOrDefault(item.ReportId).Title} ({ShortId.Of(item.Id)})";

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    public async Task<IActionResult> OnPostActAsync(Guid item, string action, int version, string? note, bool confirmed, CancellationToken ct)
    {
        Acted = await ConsoleActing.ActAsync(actions, undo, User, item, action, version, note, confirmed, ct);
        if (Acted.Refused) return StatusCode(Acted.Status);
        Response.StatusCode = Acted.Status;
        Department ??= await db.WorkItems.Where(w => w.Id == item).Select(w => w.Department).FirstAsync(ct);
        return await ShowAsync(ct);
    }

    /// Acknowledges every ticked item ("id.version"), each as its own action: the message says how
    /// many were acknowledged and which had changed since the page was loaded.
    public async Task<IActionResult> OnPostAcknowledgeAsync(string[] selected, CancellationToken ct)
    {
        var done = 0;
        var changed = new List<Guid>();
        foreach (var pick in selected)
        {
            var parts = pick.Split('.');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !int.TryParse(parts[1], out var version)) return BadRequest();
            var outcome = await actions.ActAsync(new ActOnWorkItem(id, "acknowledge", null, version), User.ToCaller(), ct);
            switch (outcome)
            {
                case ActionOutcome.Done: done++; break;
                case ActionOutcome.NotFound: return NotFound();
                case ActionOutcome.Forbidden: return Forbid();
                default: changed.Add(id); break;
            }
        }
        var titles = await TitlesAsync(changed, ct);
        var message = selected.Length == 0 ? "Nothing selected: tick the items to acknowledge first."
            : $"Acknowledged {Count(done)}." + (changed.Count == 0 ? ""
                : $" {Count(changed.Count)} had changed since you loaded the page and {(changed.Count == 1 ? "was" : "were")} left as {(changed.Count == 1 ? "it is" : "they are")}: {string.Join("; ", changed.Select(c => titles.GetValueOrDefault(c, ShortId.Of(c))))}.");
        Acted = new Acted(Guid.Empty, selected.Length == 0 || changed.Count > 0 ? StatusCodes.Status409Conflict : StatusCodes.Status200OK, message,
            IsError: selected.Length == 0 || changed.Count > 0);
        Response.StatusCode = Acted.Status;
        return await ShowAsync(ct);
    }

    static string Count(int n) => n == 1 ? "1 item" : $"{n} items";

    async Task<Dictionary<Guid, string>> TitlesAsync(List<Guid> items, CancellationToken ct) =>
        (await db.WorkItems.AsNoTracking().Where(w => items.Contains(w.Id))
            .Join(db.Reports, w => w.ReportId, r => r.Id, (w, r) => new { w.Id, r.Title }).ToListAsync(ct))
        .ToDictionary(x => x.Id, x => $"{x.Title} ({ShortId.Of(x.Id)})");

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Departments = [.. directory.All.Where(d => User.CanSee(d.Id))];
        Department ??= Departments.FirstOrDefault()?.Id;
        if (Department is null || !Departments.Any(d => d.Id == Department)) return NotFound();
        CanAct = User.CanAct(Department, directory);
        Now = clock.GetUtcNow();
        States = [.. lifecycles.Active.SelectMany(l => l.States).Select(s => s.Name).Distinct()];
        IReadOnlyCollection<string>? states = State switch
        {
            null or "" or Open => InboxQuery.Open,
            Any => null,
            _ when States.Contains(State) => [State],
            _ => InboxQuery.Open,
        };
        State = states is null ? Any : states == InboxQuery.Open ? Open : states.First();
        (Total, var items) = await InboxQuery.PageAsync(db, User.ToCaller(), Department, states, 1, PageSize, ct);
        Items = items;
        foreach (var item in items)
        {
            LifecycleOf[item.Id] = await lifecycles.GetAsync(item.RulesetVersion, item.Lifecycle);
            Allowed[item.Id] = ConsoleActions.Allowed(User, item, LifecycleOf[item.Id], directory);
            Sla[item.Id] = SlaStatus.Of(item, calendars, Now);
        }
        var reportIds = items.Select(i => i.ReportId).Distinct().ToList();
        Reports = await db.Reports.AsNoTracking().Where(r => reportIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => (r.Title, r.Product), ct);
        return Page();
    }
}
