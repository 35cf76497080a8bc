using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Access;
using Routing.Engine.Complaints;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// One candidate: its sentence and numbers, the segment against the rest month by month, its
/// complaints; a CSM (or an admin) submits it as a report (the form prefilled from it) or dismisses it, through
/// the same PatternDecisions as the API.
[Authorize(Policy = Policies.Patterns)]
internal sealed class PatternModel(RoutingDb db) : FormPage
{
    public const int EvidencePageSize = 20;

    public PatternCandidate Candidate { get; private set; } = null!;
    public IReadOnlyList<PatternMonth> Months { get; private set; } = [];
    public IReadOnlyList<Complaint> Evidence { get; private set; } = [];
    public long EvidenceTotal { get; private set; }
    public string? ReportTitle { get; private set; }

    [BindProperty(SupportsGet = true, Name = "evidence")] public int EvidencePage { get; set; } = 1;

    // The submit form, prefilled from the candidate on the first visit, as typed after an error.
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Severity { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Recommendation { get; set; }

    [BindProperty] public string? Reason { get; set; }

    /// Whether the dismissal's confirmation stays open (its reason was refused).
    public bool Dismissing { get; private set; }

    /// A decision refused as a whole (the candidate is no longer open), shown above the forms.
    public string? Refusal { get; private set; }

    public long EvidencePages => Math.Max(1, (EvidenceTotal + EvidencePageSize - 1) / EvidencePageSize);

    /// Whoever may submit a report decides (as in the API: Policies.Submit), and only while the
    /// candidate is open: an auditor reads.
    public bool CanDecide => MayDecide && Candidate.Status == PatternStatus.Open;

    bool MayDecide => User.IsInRole(Roles.Csm) || User.IsInRole(Roles.Admin);

    public string EvidenceUrl(int page) => $"/console/patterns/{Candidate.Id}" + (page == 1 ? "" : $"?evidence={page}") + "#evidence";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Title = PatternDecisions.DefaultTitle(Candidate);
        Description = Candidate.Explanation;
        return Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id, [FromServices] PatternDecisions decisions, CancellationToken ct)
    {
        if (!MayDecide) return StatusCode(StatusCodes.Status403Forbidden);
        var explanation = await db.Patterns.AsNoTracking().Where(p => p.Id == id).Select(p => p.Explanation).FirstOrDefaultAsync(ct);
        if (explanation is null) return NotFound();
        // The candidate's sentence is always kept in the report (PatternDecisions): the form shows
        // it to be read and added to, and sends only what the CSM added.
        var added = Description?.Replace(explanation, "").Trim();
        var outcome = await decisions.SubmitAsync(id, new PatternSubmission(Blank(Severity), Blank(Title), Blank(Recommendation), Blank(added)),
            Actor.Of(HttpContext), ct);
        switch (outcome)
        {
            case PatternOutcome.Submitted submitted:
                return Redirect($"/console/reports/{submitted.Receipt.ReportId}?submitted=true");
            case PatternOutcome.Invalid invalid:
                Errors = invalid.Errors;
                return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
            case PatternOutcome.NotOpen notOpen:
                Refusal = $"Not submitted: the candidate is {notOpen.Status}, not open.";
                return await ShowAsync(id, StatusCodes.Status409Conflict, ct);
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid id, [FromServices] PatternDecisions decisions, CancellationToken ct)
    {
        if (!MayDecide) return StatusCode(StatusCodes.Status403Forbidden);
        switch (await decisions.DismissAsync(id, new PatternDismissal(Reason), Actor.Of(HttpContext), ct))
        {
            case PatternOutcome.Dismissed:
                return Redirect($"/console/patterns?dismissed={id}");
            case PatternOutcome.Invalid invalid:
                Errors = invalid.Errors;
                Dismissing = true;
                return await ShowAsync(id, StatusCodes.Status422UnprocessableEntity, ct);
            case PatternOutcome.NotOpen notOpen:
                Refusal = $"Not dismissed: the candidate is {notOpen.Status}, not open.";
                return await ShowAsync(id, StatusCodes.Status409Conflict, ct);
            default:
                return NotFound();
        }
    }

    /// The page again after a refused decision, the form as it was typed.
    async Task<IActionResult> ShowAsync(Guid id, int status, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = status;
        // htmx would put the form's address (…?handler=Submit) in the address bar: the page's own instead.
        Response.Headers["HX-Replace-Url"] = $"/console/patterns/{id}";
        return Page();
    }

    async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Patterns.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } candidate) return false;
        Candidate = candidate;
        var evidence = PatternEvidence.Of(db, candidate).AsNoTracking();
        EvidenceTotal = await evidence.LongCountAsync(ct);
        EvidencePage = (int)Math.Clamp(EvidencePage, 1, EvidencePages); // past the last: the last
        Evidence = await evidence.Skip((EvidencePage - 1) * EvidencePageSize).Take(EvidencePageSize).ToListAsync(ct);
        Months = await PatternSeries.OfAsync(db, candidate, ct);
        if (candidate.ReportId is { } report)
            ReportTitle = await db.Reports.AsNoTracking().Where(r => r.Id == report).Select(r => r.Title).FirstOrDefaultAsync(ct);
        return true;
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
