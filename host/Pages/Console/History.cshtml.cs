using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.History;

namespace Routing.Host.Pages.Console;

/// Auditors search the history with the API's filters, check the chain and export it.
[Authorize(Policy = Policies.Audit)]
internal sealed class HistoryModel(RoutingDb db, HistoryVerifier verifier, IDepartmentDirectory directory) : FormPage
{
    [BindProperty(SupportsGet = true)] public Guid? ReportId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? WorkItemId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public long? After { get; set; }

    public IReadOnlyList<HistoryEntryBody> Events { get; private set; } = [];

    /// The names of every key, revoked ones too (their events remain), to suggest as actors.
    public IReadOnlyList<string> KeyNames { get; private set; } = [];
    public long? Next { get; private set; }
    public HistoryVerifier.Result? Verification { get; private set; }

    /// This search's filters that are set, as it ran, to carry them to the next page, the exports and the chain check.
    public IEnumerable<KeyValuePair<string, string?>> Filters(long? after = null) => new Dictionary<string, string?>
    {
        ["reportId"] = ReportId?.ToString(), ["workItemId"] = WorkItemId?.ToString(), ["department"] = Blank(Department), ["kind"] = Blank(Kind),
        ["actor"] = Blank(Actor), ["from"] = Blank(From), ["to"] = Blank(To), ["after"] = after?.ToString(),
    }.Where(p => p.Value is not null);

    /// The departments to search by, named; one no longer in the rules (its events remain) by its id.
    public IEnumerable<Department> Departments => Blank(Department) is { } wanted && directory.Find(wanted) is null
        ? directory.All.Append(new Department(wanted, wanted, Engine.Departments.Department.Internal))
        : directory.All;

    public string DepartmentName(string? id) => id is null ? "" : directory.Find(id)?.Name ?? id;

    public string Query(long? after = null) => QueryString.Create(Filters(after)).ToString();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var (from, to) = (QueryTime.Parse(Blank(From), "from", Errors), QueryTime.Parse(Blank(To), "to", Errors));
        HistoryQuery.CheckText(Errors, ("department", Department), ("kind", Kind), ("actor", Actor));
        if (ModelState.ErrorCount > 0)
            foreach (var (field, entry) in ModelState.Where(m => m.Value!.Errors.Count > 0))
                Errors[char.ToLowerInvariant(field[0]) + field[1..]] = ["is not valid."];
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (HistoryQuery.KindProblem(Blank(Kind)) is { } problem)
        {
            Errors["kind"] = [problem];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var (events, next) = await new HistoryQuery(ReportId, WorkItemId, Blank(Department), Blank(Kind), Blank(Actor), from, to, After)
            .RunAsync(db, ct);
        (Events, Next) = ([.. events.Select(HistoryEntryBody.Of)], next);
        KeyNames = await db.ApiKeys.AsNoTracking().Select(k => k.Name).OrderBy(n => n).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await verifier.VerifyAsync(ct);
        return await OnGetAsync(ct);
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
