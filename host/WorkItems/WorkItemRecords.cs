using System.Security.Claims;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.OpenApi;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/records?department=&from=&to=&format=csv|ndjson — a department's CAPA
/// records, as an auditor of ISO 9001 §10.2 asks for them: one row per work item opened in the
/// period (opened, not resolved: the open ones and those closed with a field left blank are the
/// findings), its report, lifecycle, state, and one column per field of its lifecycle holding the
/// latest value (lists joined with "; "). An item that recorded no field is listed with its
/// columns empty, for the same reason. Streamed from the store, so any period exports in
/// constant memory. Every role that reads items may export them; a head only their departments'.
internal static class WorkItemRecords
{
    public sealed record Record(
        Guid WorkItemId, string ReportTitle, string Product, string Lifecycle, int LifecycleVersion, string State,
        DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, JsonElement Fields);

    static readonly string[] Columns = ["workItemId", "reportTitle", "product", "lifecycle", "lifecycleVersion", "state", "openedAt", "resolvedAt"];

    public static IEndpointRouteBuilder MapWorkItemRecords(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/work-items/records", ExportAsync).WithTags("Work items").RequireAuthorization(Policies.Read)
            .WithName("exportWorkItemRecords")
            .WithSummary("A department's CAPA records for a period, as CSV or NDJSON")
            .WithDescription("One row per work item opened in the period: its report, lifecycle, state, and one column per field of its " +
                             "lifecycle holding the latest value (lists joined with \"; \"). `format=csv` (the default) has a header row; " +
                             "`format=ndjson` is one JSON object a line. Streamed: any period exports in constant memory.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson")
            .Needs("department", "The department whose records to export.")
            .Takes("format", ["csv", "ndjson"], "csv (the default) or ndjson.")
            .Describes("from", "Items opened at or after this time (ISO 8601).")
            .Describes("to", "Items opened before this time (ISO 8601).")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        // The console's link to it, where the sign-in cookie counts.
        app.MapGet("/console/work-items/records", ExportAsync).RequireAuthorization(Policies.Read).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ExportAsync(
        string? department, string? from, string? to, string? format, HttpContext http, ClaimsPrincipal user,
        IDepartmentDirectory departments, ILifecycles lifecycles, RoutingDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(department)) errors["department"] = ["is required: the department whose records to export."];
        else if (department.Length > 100 || department.Contains('\0')) errors["department"] = ["is not a department id."];
        var (start, end) = (QueryTime.Parse(from, "from", errors), QueryTime.Parse(to, "to", errors));
        if (start >= end) errors["to"] = ["must be after from."];
        if (format is not (null or "csv" or "ndjson")) errors["format"] = ["must be csv or ndjson."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var items = db.WorkItems.AsNoTracking().Where(w => w.Department == department);
        if (!user.CanSee(department!) || departments.Find(department!) is null && !await items.AnyAsync(ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such department.");
        if (start is { } s) items = items.Where(w => w.CreatedAt >= s);
        if (end is { } e) items = items.Where(w => w.CreatedAt < e);

        var fields = await FieldNamesAsync(department!, items, departments, lifecycles, ct);
        var records = items.Join(db.Reports, w => w.ReportId, r => r.Id, (w, r) => new { w, r.Title, r.Product })
            .OrderBy(x => x.w.CreatedAt).ThenBy(x => x.w.Id)
            .Select(x => new { x.w.Id, x.Title, x.Product, x.w.Lifecycle, x.w.RulesetVersion, x.w.State, x.w.CreatedAt, x.w.ResolvedAt, x.w.Fields })
            .AsAsyncEnumerable();

        var csv = format != "ndjson";
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{department}-records.{(csv ? "csv" : "ndjson")}\"";
        if (csv)
        {
            // Escaped as the history export is: no cell a spreadsheet would run as a formula.
            await using var table = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
            await table.WriteRecordAsync([.. Columns, .. fields], ct);
            await foreach (var x in records.WithCancellation(ct))
            {
                using var recorded = JsonDocument.Parse(x.Fields);
                await table.WriteRecordAsync(
                [
                    x.Id.ToString(), x.Title, x.Product, x.Lifecycle, x.RulesetVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    x.State, x.CreatedAt.UtcDateTime.ToString("O"), x.ResolvedAt?.UtcDateTime.ToString("O") ?? "",
                    .. fields.Select(f => Cell(recorded.RootElement, f)),
                ], ct);
            }
            await table.FlushAsync(ct);
        }
        else
        {
            await using var writer = new StreamWriter(http.Response.Body, bufferSize: 64 * 1024);
            await foreach (var x in records.WithCancellation(ct))
            {
                using var recorded = JsonDocument.Parse(x.Fields);
                await writer.WriteAsync(JsonSerializer.Serialize(new Record(x.Id, x.Title, x.Product, x.Lifecycle, x.RulesetVersion, x.State,
                    x.CreatedAt, x.ResolvedAt, recorded.RootElement), JsonBody.Options));
                await writer.WriteAsync('\n');
            }
        }
        return TypedResults.Empty;
    }

    /// The field columns: those of the department's lifecycle now, then any other field of the
    /// lifecycles its listed items follow (an item keeps the version that opened it), each once,
    /// in the order their actions ask for them.
    static async Task<List<string>> FieldNamesAsync(
        string department, IQueryable<Engine.WorkItems.WorkItem> items, IDepartmentDirectory departments, ILifecycles lifecycles, CancellationToken ct)
    {
        var followed = new List<Lifecycle>();
        if (departments.Find(department) is { } current && lifecycles.Active.FirstOrDefault(l => l.Id == current.LifecycleId) is { } now)
            followed.Add(now);
        var versions = await items.Select(w => new { w.RulesetVersion, w.Lifecycle }).Distinct().ToListAsync(ct);
        foreach (var v in versions.OrderByDescending(v => v.RulesetVersion))
            followed.Add(await lifecycles.GetAsync(v.RulesetVersion, v.Lifecycle));
        return [.. followed.SelectMany(l => l.Actions).SelectMany(a => a.Required).Select(f => f.Name).Distinct()];
    }

    /// A field's latest value as a cell: its text, a list's lines joined with "; ", or empty.
    static string Cell(JsonElement recorded, string field) =>
        !recorded.TryGetProperty(field, out var value) ? ""
        : value.ValueKind == JsonValueKind.Array ? string.Join("; ", value.EnumerateArray().Select(e => e.ToString()))
        : value.ToString();
}
