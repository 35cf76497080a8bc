using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Routing.Tests.Infrastructure;

/// Calls a department head makes on a work item.
public static class WorkItems
{
    public static Task<JsonObject> GetItemAsync(this HttpClient client, string id) => client.GetJsonAsync($"/api/work-items/{id}");

    public static Task<HttpResponseMessage> ActAsync(this HttpClient client, string id, string action, int? version, string? note = null) =>
        client.PostAsJsonAsync($"/api/work-items/{id}/{action}", new { note, version });

    /// Reads the item and applies an action that must succeed; returns the item after it.
    public static async Task<JsonObject> DoAsync(this HttpClient client, string id, string action, string? note = null)
    {
        var version = (int)(await client.GetItemAsync(id))["version"]!;
        var response = await client.ActAsync(id, action, version, note);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: expected 200, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonArray> TimelineAsync(this HttpClient client, string id)
    {
        var response = await client.GetAsync($"/api/work-items/{id}/timeline");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
    }

    public static string[] Kinds(this JsonArray timeline) => [.. timeline.Select(e => (string)e!["kind"]!)];

    public static string State(this JsonObject item) => (string)item["state"]!;
}
