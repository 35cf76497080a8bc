using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.Metrics;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Rules.Rulesets;

namespace Routing.Host.Pages.Console;

/// Admins edit the rules as JSON (workflows, departments, lifecycles, calendars): save a draft
/// (every error named by its rule or place), take a calendar's holidays from an iCal file,
/// simulate a report against a version, replay a period, compare with the active version, publish.
[Authorize(Policy = Policies.Administer)]
internal sealed class RulesModel(
    RulesetAdmin admin, RulesetSimulator simulator, IcalHolidaysImport holidays, RoutingDb db, IDepartmentDirectory directory, TimeProvider clock) : PageModel
{
    // Readable quotes in the editor (Razor HTML-encodes the text, so no escaping is needed for safety).
    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// The version being looked at (the active one unless chosen).
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    [BindProperty] public string Workflows { get; set; } = "";
    [BindProperty] public string Departments { get; set; } = "";
    /// The lifecycles (JSON); left empty, a draft keeps the active version's.
    [BindProperty] public string Lifecycles { get; set; } = "";
    /// The calendars (JSON); left empty, a draft keeps the active version's.
    [BindProperty] public string Calendars { get; set; } = "";
    /// The calendar an iCal file's holidays go to, and the file.
    [BindProperty] public string? HolidaysCalendar { get; set; }
    [BindProperty] public IFormFile? HolidaysFile { get; set; }
    /// The calendars of the active version: the ones an iCal file can go to.
    public IReadOnlyList<string> ActiveCalendars { get; private set; } = [];
    [BindProperty] public string Report { get; set; } = SampleReport;
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }

    public RulesetDetails Shown { get; private set; } = null!;
    public IReadOnlyList<RulesetSummary> Versions { get; private set; } = [];
    public IReadOnlyList<RuleError> Errors { get; private set; } = [];
    /// The form the errors are about ("draft", "simulate" or "replay"), shown beside it.
    public string? ErrorsOf { get; private set; }
    public string? Message { get; private set; }
    public Evaluation? Simulation { get; private set; }
    /// The lifecycle each department follows in the simulated version: the one its new items would follow.
    public IReadOnlyDictionary<string, string> SimulatedLifecycles { get; private set; } = new Dictionary<string, string>();
    public RulesetSimulator.Replay? Replay { get; private set; }
    public RulesetDiff? Diff { get; private set; }
    /// The active version's parts as the editors show text, for the rules editor's comparison.
    public IReadOnlyDictionary<string, object> ActiveTexts { get; private set; } = new Dictionary<string, object>();
    /// How the shown version's rules did with the items they opened over the last 90 days (none for a draft).
    public IReadOnlyList<RuleFigures> RuleFigures { get; private set; } = [];

    /// A replayed report as a person finds it: its title, and the work item that shows it whole.
    /// The titles of the replayed reports that would route differently, by report id.
    public IReadOnlyDictionary<Guid, string> Replayed { get; private set; } = new Dictionary<Guid, string>();

    public string Name(string department) => directory.Find(department)?.Name ?? department;

    /// The part of the ruleset an error is about, as its place names it: a lifecycle's
    /// (`lifecycles/corrective-action/actions/contain`), a department's, else a rule's.
    public static string PartOf(RuleError error) =>
        error.Rule.StartsWith("lifecycles", StringComparison.Ordinal) ? "lifecycles"
        : error.Rule.StartsWith("calendars", StringComparison.Ordinal) ? "calendars"
        : error.Rule.StartsWith("departments", StringComparison.Ordinal) ? "departments"
        : "workflows";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(keepEdits: false, ct) is null) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var (version, errors) = await admin.DraftAsync(Workflows, Departments,
            string.IsNullOrWhiteSpace(Lifecycles) ? null : Lifecycles, Actor.Of(HttpContext), ct,
            string.IsNullOrWhiteSpace(Calendars) ? null : Calendars);
        if (version is { } v) return RedirectToPage(new { version = v });
        (Errors, ErrorsOf) = (errors, "draft");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(keepEdits: true, ct);
        return Page();
    }

    /// The rules editor's check of one rule's expression as it is typed (RuleExpressionCheck):
    /// the API's check, with the console's cookie and anti-forgery token.
    public IActionResult OnPostCheckExpression(string? expression) =>
        Routing.Host.Rules.RuleExpressionCheck.Refusals(expression) is { Count: > 0 } refusals
            ? BadRequest(new ValidationProblemDetails(refusals))
            : new JsonResult(Routing.Host.Rules.RuleExpressionCheck.Of(expression!));

    /// The ruleset's JSON Schema, for the rules editor's validation and completion (the API's
    /// GET /api/rules/schema takes a key; the console has its cookie).
    public IActionResult OnGetSchema() => Content(RulesetSchema.Text.Value, "application/schema+json");

    /// The largest iCal file taken: a holiday calendar of years is a few kilobytes.
    const int MaxIcalBytes = 1024 * 1024;

    public async Task<IActionResult> OnPostHolidaysAsync(CancellationToken ct)
    {
        IReadOnlyList<RuleError> errors;
        if (HolidaysFile is not { Length: > 0 } file) errors = [new("file", "choose the .ics file to import.")];
        else if (file.Length > MaxIcalBytes) errors = [new("file", $"an iCal file of holidays is at most {MaxIcalBytes / 1024} KB.")];
        else
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var outcome = await holidays.ImportAsync(HolidaysCalendar ?? "", await reader.ReadToEndAsync(ct), Actor.Of(HttpContext), ct);
            if (outcome is IcalHolidaysImport.Outcome.Drafted drafted) return RedirectToPage(new { version = drafted.Version });
            errors = outcome is IcalHolidaysImport.Outcome.Invalid invalid ? invalid.Errors
                : [new("calendar", $"'{HolidaysCalendar}' is not a calendar of the active version.")];
        }
        (Errors, ErrorsOf) = (errors, "holidays");
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync(keepEdits: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (Version is not { } v || await admin.PublishAsync(v, Actor.Of(HttpContext), ct) is not { } published) return NotFound();
        Message = (published.Rollback ? $"Rolled back to v{published.Version} (was v{published.Previous})." : $"Published v{published.Version} (was v{published.Previous}).")
            + (published.DueTimesMoved > 0 ? $" The due times of {Words.Plural(published.DueTimesMoved, "open item")} moved to the new calendars." : "");
        await LoadAsync(keepEdits: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSimulateAsync(CancellationToken ct)
    {
        if (await LoadAsync(keepEdits: false, ct) is null) return NotFound();
        var (submission, problem) = JsonBody.Parse<ReportSubmission>(System.Text.Encoding.UTF8.GetBytes(Report));
        var outcome = problem is null ? await simulator.SimulateAsync(submission, Shown.Version, ct) : null;
        if (outcome is SimulationOutcome.NoSuchVersion) return NotFound();
        if (outcome is SimulationOutcome.Done done)
        {
            Simulation = done.Evaluation;
            var ruleset = await simulator.RulesetAsync(Shown.Version);
            SimulatedLifecycles = ruleset!.Departments.ToDictionary(d => d.Id, d => d.LifecycleId);
            return Page();
        }
        Errors = problem is not null ? [new(problem.Field == "body" ? "report" : $"report.{problem.Field}", problem.Reason)]
            : outcome is SimulationOutcome.Invalid invalid ? [.. invalid.Errors.SelectMany(f => f.Value.Select(m => new RuleError(f.Key, m)))]
            : [];
        ErrorsOf = "simulate";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostReplayAsync(CancellationToken ct)
    {
        if (await LoadAsync(keepEdits: false, ct) is null) return NotFound();
        var errors = new Dictionary<string, string[]>();
        if (QueryTime.Period(From, To, errors) is not var (from, to))
        {
            Errors = [.. errors.SelectMany(f => f.Value.Select(m => new RuleError(f.Key, m)))];
            ErrorsOf = "replay";
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Replay = await simulator.ReplayAsync((await simulator.RulesetAsync(Shown.Version))!, from, to, ct);
        var ids = Replay.Changes.Select(c => c.ReportId).ToList();
        Replayed = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Title, ct);
        return Page();
    }

    // htmx would put a form's address (…?handler=Simulate) in the address bar, where a reload
    // shows nothing: the version's own address instead.
    public override void OnPageHandlerExecuted(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutedContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && Shown is not null)
            Response.Headers["HX-Replace-Url"] = $"/console/rules?version={Shown.Version}";
    }

    async Task<RulesetDetails?> LoadAsync(bool keepEdits, CancellationToken ct)
    {
        Versions = await admin.ListAsync(ct);
        if (await admin.GetAsync(Version, ct) is not { } view) return null;
        Shown = view;
        // What the version changes stays in sight while it is simulated or replayed.
        if (!view.Active) Diff = await admin.DiffAsync(view.Version, null, ct);
        var active = view.Active ? view : await admin.GetAsync(null, ct);
        if (active is not null)
            ActiveTexts = new Dictionary<string, object>
            {
                ["version"] = active.Version,
                ["workflows"] = JsonSerializer.Serialize(active.Workflows, Indented),
                ["departments"] = JsonSerializer.Serialize(active.Departments, Indented),
                ["lifecycles"] = JsonSerializer.Serialize(active.Lifecycles, Indented),
                ["calendars"] = JsonSerializer.Serialize(active.Calendars, Indented),
            };
        if (!keepEdits)
        {
            Workflows = JsonSerializer.Serialize(view.Workflows, Indented);
            Departments = JsonSerializer.Serialize(view.Departments, Indented);
            Lifecycles = JsonSerializer.Serialize(view.Lifecycles, Indented);
            Calendars = JsonSerializer.Serialize(view.Calendars, Indented);
        }
        ActiveCalendars = [.. (await simulator.RulesetAsync(null))!.Calendars.Select(c => c.Id)];
        var now = clock.GetUtcNow();
        RuleFigures = await RuleQuality.QueryAsync(db, [.. directory.All.Select(d => d.Id)], now - RuleQuality.DefaultRange, now, ct, view.Version);
        return view;
    }

    const string SampleReport = """
        {
          "title": "Thermostat fails in cold months",
          "product": "HX-200 heater",
          "category": "quality",
          "unitsSold": 12000, "affectedUnits": 1440, "reportCount": 87,
          "segment": { "region": "Michigan", "months": [11, 12, 1, 2] },
          "severity": "high",
          "evidence": ["ticket-88121"],
          "verifiedBy": "csm-team-lead",
          "verifiedAt": "2026-11-20T10:00:00Z"
        }
        """;
}
