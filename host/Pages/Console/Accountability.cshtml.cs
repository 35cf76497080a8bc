using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Metrics;
using Routing.Engine.Store;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// How the departments, the rules and the CSMs did over time: each department's trends period by
/// period (charts, each with a table of the same numbers), what became of each rule's routes, and
/// each CSM's account. The filters stay in the address; heads see their departments only.
[Authorize(Policy = Policies.Read)]
internal sealed class AccountabilityModel(
    RoutingDb db, IServiceScopeFactory stores, ILifecycles lifecycles, IDepartmentDirectory directory, IAuthorizationService authorization,
    TimeProvider clock) : PageModel
{
    public const string Departments = "departments", Rules = "rules", Csms = "csms";

    [BindProperty(SupportsGet = true)] public string? View { get; set; }
    [BindProperty(SupportsGet = true)] public string? Interval { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    /// The department whose charts are shown; empty: all the user may see, the first one charted.
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }

    /// The departments the user may see, in the directory's order.
    public IReadOnlyList<Department> Visible { get; private set; } = [];
    public bool MaySeeCsms { get; private set; }
    /// The form's problems, by field.
    public Dictionary<string, string> Errors { get; } = [];
    public AccountabilityRange? Range { get; private set; }
    public IReadOnlyList<DepartmentTrend> Trends { get; private set; } = [];
    /// The department charted: the chosen one, else the first.
    public DepartmentTrend? Charted { get; private set; }
    public IReadOnlyList<RuleFigures> RuleFigures { get; private set; } = [];
    public IReadOnlyList<CsmFigures> CsmFigures { get; private set; } = [];

    public string Name(string department) => directory.Find(department)?.Name ?? department;

    /// The calendar a department's times count on now; null: clock time.
    public string? CalendarOf(string department) => directory.Find(department)?.Calendar;

    /// Heads see their departments; everyone else sees all of them.
    public bool AllDepartments => Visible.Count == directory.All.Count;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        View = View is null or "" ? Departments : View;
        if (View is not (Departments or Rules or Csms)) return NotFound();
        Visible = [.. directory.All.Where(d => User.CanSee(d.Id))];
        MaySeeCsms = (await authorization.AuthorizeAsync(User, Policies.Patterns)).Succeeded;
        if (View == Csms && !MaySeeCsms) return Forbid();
        // Another department than the user's is not found, as in the inbox.
        if (!string.IsNullOrEmpty(Department) && !Visible.Any(d => d.Id == Department)) return NotFound();

        var now = clock.GetUtcNow();
        Range = AccountabilityRange.Read(Interval, From, To, trends: View == Departments, now, Errors);
        if (Range is not { } range)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        // The rules' figures count every department the user may see, as the API's do.
        IReadOnlyList<string> scope = string.IsNullOrEmpty(Department) || View != Departments ? [.. Visible.Select(d => d.Id)] : [Department];
        switch (View)
        {
            case Departments:
                Trends = await DepartmentTrends.QueryAsync(db, stores, lifecycles, scope, range.From, range.To, range.Interval, now, ct);
                Charted = Trends.FirstOrDefault();
                break;
            case Rules:
                RuleFigures = await RuleQuality.QueryAsync(db, scope, range.From, range.To, ct);
                break;
            default:
                CsmFigures = await CsmAccount.QueryAsync(stores, range.From, range.To, null, ct);
                break;
        }
        return Page();
    }

    /// This page with the filters as they are, the view or the department changed.
    public string Link(string? view = null, string? department = null) => "/console/accountability" + QueryString.Create(Present(new()
    {
        ["view"] = view ?? View, ["interval"] = Range is { } r ? AccountabilityWords.Interval(r.Interval) : Interval,
        ["from"] = Range?.FirstDay ?? From, ["to"] = Range?.LastDay ?? To, ["department"] = department ?? Department,
    }));

    /// The CSV of a view with the filters shown: the same range, [from, to) as days.
    public string CsvLink(string what) => $"/console/metrics/{what}.csv" + QueryString.Create(Present(new()
    {
        ["from"] = Range!.FirstDay, ["to"] = Range.To.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["interval"] = what == Departments ? AccountabilityWords.Interval(Range.Interval) : null,
        ["department"] = what == Departments ? Department : null,
    }));

    static IEnumerable<KeyValuePair<string, string?>> Present(Dictionary<string, string?> query) => query.Where(p => !string.IsNullOrEmpty(p.Value));
}
