using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Host.History;

/// GET /api/history/export?format=ndjson|csv&reportId=&workItemId=&department=&kind=&actor=&from=&to=
/// — the events the same search finds, streamed row by row from the store to the client, so
/// any range exports in constant memory.
internal static class HistoryExport
{
    public static async Task<IResult> ExportAsync(
        string? format, Guid? reportId, Guid? workItemId, string? department, string? kind, string? actor, string? from, string? to,
        HttpContext http, RoutingDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, end) = (QueryTime.Parse(from, "from", errors), QueryTime.Parse(to, "to", errors));
        if (format is not (null or "ndjson" or "csv")) errors["format"] = ["must be ndjson or csv."];
        if (HistoryApi.Refusal(errors, department, kind, actor) is { } refused) return refused;

        var events = new HistoryQuery(reportId, workItemId, department, kind, actor, start, end)
            .Matching(db.History.AsNoTracking()).OrderBy(e => e.Sequence).AsAsyncEnumerable();
        var csv = format == "csv";
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"history.{(csv ? "csv" : "ndjson")}\"";
        if (csv)
        {
            // A cell starting with = + - @ tab or CR is prefixed with ' (and quoted), as OWASP
            // recommends, so a spreadsheet never runs an actor's or department's text as a formula.
            await using var table = CsvWriter.Create(http.Response.Body, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
            await table.WriteRecordAsync(Columns, ct);
            await foreach (var e in events.WithCancellation(ct))
                await table.WriteRecordAsync(
                [
                    e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("O"), e.Actor, e.Kind,
                    e.ReportId?.ToString() ?? "", e.WorkItemId?.ToString() ?? "", e.Department ?? "", e.Data,
                    e.ChainIndex?.ToString(CultureInfo.InvariantCulture) ?? "", e.PreviousHash ?? "", e.Hash ?? "",
                    e.ActorKeyId?.ToString() ?? "",
                ], ct);
            await table.FlushAsync(ct);
        }
        else
        {
            await using var writer = new StreamWriter(http.Response.Body, bufferSize: 64 * 1024);
            await foreach (var e in events.WithCancellation(ct))
            {
                await writer.WriteAsync(JsonSerializer.Serialize(new
                {
                    e.Sequence, e.At, e.Actor, e.Kind, e.ReportId, e.WorkItemId, e.Department,
                    Data = JsonDocument.Parse(e.Data).RootElement, e.ChainIndex, e.PreviousHash, e.Hash, e.ActorKeyId,
                }, JsonBody.Options));
                await writer.WriteAsync('\n');
            }
        }
        return TypedResults.Empty;
    }

    static readonly string[] Columns =
        ["sequence", "at", "actor", "kind", "reportId", "workItemId", "department", "data", "chainIndex", "previousHash", "hash", "actorKeyId"];
}
