using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Imports;

/// Complaints and units sold as a ticket system or a sales report sends them, in each format.
public static class Imports
{
    public const string Ndjson = "application/x-ndjson", Csv = "text/csv", Json = "application/json";

    public static readonly string[] ComplaintFields =
        ["id", "receivedAt", "product", "category", "region", "ageGroup", "accessibility", "channel", "vendor", "depot", "summary"];

    public static JsonObject Complaint(string id, string product, string category = "quality", string receivedAt = "2026-11-02T08:15:00Z") => new()
    {
        ["id"] = id, ["receivedAt"] = receivedAt, ["product"] = product, ["category"] = category, ["region"] = "Michigan",
        ["ageGroup"] = "65+", ["accessibility"] = null, ["channel"] = "phone", ["vendor"] = "Acme Controls", ["depot"] = "",
        ["summary"] = "Stops heating below -10 °C, says \"E4\", twice a day",
    };

    public static string AsNdjson(IEnumerable<JsonObject> rows) => string.Join("\n", rows.Select(r => r.ToJsonString())) + "\n";

    public static string AsJsonArray(IEnumerable<JsonObject> rows) => new JsonArray([.. rows.Select(r => r.DeepClone())]).ToJsonString();

    /// A CSV with a header row of `fields`, every value quoted as a spreadsheet would where needed.
    public static string AsCsv(IEnumerable<JsonObject> rows, string[] fields) =>
        string.Join(",", fields) + "\r\n" + string.Concat(rows.Select(r => string.Join(",", fields.Select(f => Cell(r[f]?.ToString()))) + "\r\n"));

    static string Cell(string? value) => value is null ? "" : value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    public static async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(this HttpClient client, string path, string body, string contentType)
    {
        using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, contentType));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// The summary's counts, and its errors as "line field" pairs, in order.
    public static (long Accepted, long Duplicates, long Rejected, string Errors) Counts(JsonNode? summary) => (
        (long)summary!["accepted"]!, (long)summary["duplicates"]!, (long)summary["rejected"]!,
        string.Join(", ", summary["errors"]!.AsArray().Select(e => $"{(long)e!["line"]!} {(string)e["field"]!}")));

    /// The payload of the latest event of this kind.
    internal static Task<T> LatestEventAsync<T>(this RoutingFixture fixture, string kind) where T : HistoryData => fixture.WithStoreAsync(async db =>
    {
        var stored = await db.History.AsNoTracking().Where(h => h.Kind == kind).OrderByDescending(h => h.Sequence).FirstAsync();
        return (T)HistoryData.Read(stored.Kind, stored.Data)!;
    });
}
