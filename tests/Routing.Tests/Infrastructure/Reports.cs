using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Routing.Tests.Infrastructure;

/// Report bodies as a CSM would send them, and the calls that send them.
public static class Reports
{
    /// A valid report of a quality problem with no segment and no vendor; tests change what they need.
    public static JsonObject Valid(string category = "quality", string severity = "medium") => new()
    {
        ["title"] = "Thermostat fails in cold months",
        ["product"] = $"HX-200 heater {Guid.NewGuid():N}",
        ["category"] = category,
        ["description"] = "Units stop heating below -10 C",
        ["unitsSold"] = null,
        ["affectedUnits"] = null,
        ["reportCount"] = 87,
        ["segment"] = new JsonObject { ["region"] = null, ["ageGroup"] = null, ["accessibility"] = null, ["months"] = new JsonArray() },
        ["vendor"] = null,
        ["severity"] = severity,
        ["recommendation"] = "Winterize the control board",
        ["evidence"] = new JsonArray("ticket-88121", "call-2231"),
        ["verifiedBy"] = "csm-team-lead",
        ["verifiedAt"] = "2026-11-20T10:00:00Z",
    };

    public static JsonObject With(this JsonObject report, string path, JsonNode? value)
    {
        var (parent, name) = Locate(report, path);
        parent[name] = value;
        return report;
    }

    public static JsonObject Without(this JsonObject report, string path)
    {
        var (parent, name) = Locate(report, path);
        parent.Remove(name);
        return report;
    }

    static (JsonObject Parent, string Name) Locate(JsonObject report, string path)
    {
        var parts = path.Split('.');
        var parent = report;
        foreach (var part in parts[..^1]) parent = parent[part]!.AsObject();
        return (parent, parts[^1]);
    }

    public static Task<HttpResponseMessage> PostReportAsync(this HttpClient client, JsonNode report, string? idempotencyKey = null) =>
        client.PostRawReportAsync(report.ToJsonString(), idempotencyKey);

    public static Task<HttpResponseMessage> PostRawReportAsync(
        this HttpClient client, string body, string? idempotencyKey = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    /// Submits a report that must be accepted and returns the 201 body.
    public static async Task<JsonObject> SubmitAsync(this HttpClient client, JsonNode report)
    {
        var response = await client.PostReportAsync(report);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Expected 201, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: expected 200, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static IEnumerable<JsonObject> WorkItems(this JsonObject receipt) =>
        receipt["workItems"]!.AsArray().Select(i => i!.AsObject());

    public static string[] Departments(this JsonObject receipt) =>
        [.. receipt.WorkItems().Select(i => (string)i["department"]!).Order()];

    public static JsonObject Item(this JsonObject receipt, string department) =>
        receipt.WorkItems().Single(i => (string)i["department"]! == department);

    public static string[] Strings(this JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];
}
