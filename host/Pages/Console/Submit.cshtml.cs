using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Departments;
using Routing.Engine.Intake;
using Routing.Engine.Reports;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// A CSM submits a verified pattern: errors are shown at their fields, and an accepted
/// report shows where it went and which rules sent it there.
[Authorize(Policy = Policies.Submit)]
internal sealed class SubmitModel(IntakeService intake, ReportValidator validator, TimeProvider clock, IDepartmentDirectory directory) : FormPage
{
    /// The form's values as typed, to show them again next to their errors.
    [BindProperty]
    public Dictionary<string, string?> Form { get; set; } = [];

    [BindProperty]
    public int[] Months { get; set; } = [];

    /// Given once per form, so a double click or a resent form stores the report once.
    [BindProperty]
    public string Submission { get; set; } = Guid.NewGuid().ToString();

    public ReportReceipt? Receipt { get; private set; }

    public string? Value(string field) => Form.GetValueOrDefault(field);

    /// Each field's label, by the name its errors are given under: the form and its error summary say them alike.
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["title"] = "Title", ["product"] = "Product", ["category"] = "Category", ["severity"] = "Severity",
        ["description"] = "Description", ["reportCount"] = "Number of reports", ["unitsSold"] = "Units sold",
        ["affectedUnits"] = "Affected units", ["segment.region"] = "Region", ["segment.ageGroup"] = "Age group",
        ["segment.accessibility"] = "Accessibility need", ["segment.months"] = "Months the problem appears in",
        ["vendor"] = "Vendor", ["recommendation"] = "Recommendation", ["evidence"] = "Evidence",
        ["verifiedBy"] = "Verified by", ["verifiedAt"] = "Verified at (UTC)",
    };

    /// The fields with problems, in the form's order, for the summary above it: the control's
    /// id (a segment's fields are named without "segment."), its label and what is wrong.
    public IEnumerable<(string Id, string Label, string Problem)> Problems => Labels
        .Where(l => Errors.ContainsKey(l.Key))
        .Select(l => (l.Key.Replace("segment.", ""), l.Value, ErrorOf(l.Key)!));

    public string DepartmentName(string id) => directory.Find(id)?.Name ?? id;

    public void OnGet() => Form["verifiedAt"] = clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? Number(string field)
        {
            var text = Value(field)?.Trim();
            if (string.IsNullOrEmpty(text)) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            Errors[field] = ["must be a whole number."];
            return null;
        }
        DateTimeOffset? verifiedAt = null;
        if (DateTime.TryParse(Value("verifiedAt"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            verifiedAt = new DateTimeOffset(at, TimeSpan.Zero);
        else if (!string.IsNullOrWhiteSpace(Value("verifiedAt"))) Errors["verifiedAt"] = ["must be a date and time."];

        var submission = new ReportSubmission(
            Value("title"), Value("product"), Value("category"), Blank(Value("description")),
            Number("unitsSold"), Number("affectedUnits"), Number("reportCount"),
            new SegmentSubmission(Blank(Value("region")), Blank(Value("ageGroup")), Blank(Value("accessibility")), [.. Months]),
            Blank(Value("vendor")), Value("severity"), Blank(Value("recommendation")),
            [.. (Value("evidence") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Value("verifiedBy"), verifiedAt);
        // Every problem at once: what did not parse, and what the validator says of the rest
        // (which intake says itself when everything parsed).
        if (Errors.Count > 0)
        {
            foreach (var (field, messages) in validator.Validate(submission)) Errors.TryAdd(field, messages);
            return Invalid();
        }

        var key = Guid.TryParse(Submission, out var id) ? Idempotency.FromForm(id, submission) : null;
        switch (await intake.SubmitAsync(submission, key, Actor.Of(HttpContext), ct))
        {
            case IntakeOutcome.Accepted accepted:
                Receipt = accepted.Receipt;
                Response.StatusCode = StatusCodes.Status201Created;
                return Page();
            case IntakeOutcome.Invalid invalid:
                Errors = invalid.Errors;
                return Invalid();
            default:
                Errors["form"] = ["This form was already sent with other values; reload the page to submit a new report."];
                return Invalid();
        }
    }

    IActionResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
