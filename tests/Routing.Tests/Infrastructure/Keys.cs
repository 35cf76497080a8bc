using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Routing.Tests.Infrastructure;

/// API keys as an admin hands them out.
public static class Keys
{
    /// Creates a key for `role` (and `departments`, for heads) and returns its secret.
    public static async Task<string> CreateKeyAsync(this HttpClient admin, string role, params string[] departments) =>
        (await admin.CreateKeyWithIdAsync(role, departments)).Key;

    /// Creates a key and returns its id (to revoke it) and its secret.
    public static async Task<(string Id, string Key)> CreateKeyWithIdAsync(this HttpClient admin, string role, params string[] departments)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = $"{role}-{Guid.NewGuid():N}"[..20], role, departments });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var created = JsonNode.Parse(body)!;
        return ((string)created["id"]!, (string)created["key"]!);
    }
}
