using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Routing.Engine.Complaints;
using Routing.Engine.Exposure;
using Routing.Engine.Imports;
using Routing.Host.Access;
using Routing.Host.Imports;

namespace Routing.Host.Pages.Console;

/// A CSM or an admin imports complaints or units sold from a file of any size: the upload is
/// read as it arrives and imported as the API imports a body (the same formats, readers and
/// imports), and the page says what the import did. The automatic anti-forgery check would read
/// the whole form, file and all, before the handler: the token is checked here instead, once
/// its field (sent before the file) is read.
[Authorize(Policy = Policies.Import)]
[IgnoreAntiforgeryToken]
internal sealed class ImportModel(ComplaintImport complaints, ExposureImport exposure, IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions, ILogger<ImportModel> log) : FormPage
{
    /// What a file can hold, by the name the form sends (the CLI's verbs).
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["complaints"] = "Complaints", ["exposure"] = "Units sold",
    };

    public string? Kind { get; private set; }
    public string FileName { get; private set; } = "";
    public ImportSummary? Summary { get; private set; }

    public void OnGet() { }

    // No parameters, no bound properties: binding any would make MVC read (and buffer) the whole
    // form first, file and all, to find their values.
    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
        if (await FileForm.ReadAsync(Request, "file", ct) is not { } form || !await ValidTokenAsync(form))
        {
            // Read to the end first: a browser still sending a large file would see the
            // connection reset, not the answer, and tell its user the upload broke off.
            await Request.Body.CopyToAsync(Stream.Null, ct);
            return BadRequest();
        }

        var source = ImportSource.Console(form.FileName);
        (Kind, FileName) = (form.Fields.GetValueOrDefault("kind"), source.File!);
        if (Kind is null || !Kinds.ContainsKey(Kind))
            Errors["kind"] = [Kind is null
                ? "Choose what the file holds: complaints or units sold."
                : $"\"{Kind}\" is not something to import: choose complaints or units sold."];
        var format = ImportFormat.OfFile(FileName) ?? ImportFormat.OfContentType(form.FileContentType);
        if (FileName == "") Errors["file"] = ["Choose a file to import."];
        else if (format is null) Errors["file"] = [$"{FileName} is not a CSV (.csv), NDJSON (.ndjson, .jsonl) or JSON array (.json) file."];
        if (Errors.Count > 0) return await RefusedAsync(ct);

        var (rows, actor) = (format!.Read(form.File, ct), Actor.Of(HttpContext));
        Summary = Kind == "complaints"
            ? await complaints.ImportAsync(rows, actor, source, ct)
            : await exposure.ImportAsync(rows, actor, source, ct);
        if (Summary is null)
        {
            Errors["file"] = [$"{FileName} has no lines."];
            return await RefusedAsync(ct);
        }
        return Page();
    }

    /// What the import did, in a sentence.
    public string Outcome => Summary is not { } s ? "" : Kind == "complaints"
        ? $"{Words.Plural(s.Accepted, "complaint")} accepted, {Words.Plural(s.Duplicates, "duplicate")} (already stored), {N(s.Rejected)} rejected."
        : $"{Words.Plural(s.Accepted, "row")} of units sold accepted ({N(s.Replaced ?? 0)} of them replacing an earlier value), " +
          $"{Words.Plural(s.Duplicates, "duplicate")} (already stored), {N(s.Rejected)} rejected.";

    static string N(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// The token from its form field, checked as the automatic check would check it from the form.
    async Task<bool> ValidTokenAsync(FileForm form)
    {
        var options = antiforgeryOptions.Value;
        if (options.HeaderName is null || !form.Fields.TryGetValue(options.FormFieldName, out var token)) return false;
        Request.Headers[options.HeaderName] = token;
        try
        {
            await antiforgery.ValidateRequestAsync(HttpContext);
            return true;
        }
        catch (AntiforgeryValidationException e)
        {
            log.LogInformation("Import refused: {Reason}", e.Message);
            return false;
        }
    }

    /// Nothing imported: the rest of the upload is read (and dropped) so that the browser, still
    /// sending, gets the answer rather than a broken connection.
    async Task<IActionResult> RefusedAsync(CancellationToken ct)
    {
        await Request.Body.CopyToAsync(Stream.Null, ct);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
