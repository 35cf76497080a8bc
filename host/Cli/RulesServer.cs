using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Routing.Host.Cli;

/// A running Routing server as the `rules pull|diff|push` verbs talk to it: its address and an
/// admin key from `--url`/`--key`, else the environment (ROUTING_URL, ROUTING_KEY — the way CI
/// gives secrets, and a key on a command line is visible to every user of the machine). A refusal
/// is printed as the server said it: each rule or field with its message.
internal sealed class RulesServer(HttpClient http) : IDisposable
{
    public const string UrlVariable = "ROUTING_URL";
    public const string KeyVariable = "ROUTING_KEY";
    const string DefaultUrl = "http://localhost:5080";

    /// The options a verb that talks to a server takes: --url and --key.
    public sealed record Options(Option<string?> Url, Option<string?> Key)
    {
        public static Options Create() => new(
            new Option<string?>("--url") { Description = $"The Routing server (default: ${UrlVariable}, else {DefaultUrl})." },
            new Option<string?>("--key") { Description = $"An admin API key (default: ${KeyVariable}; prefer it: a command line is visible to other users)." });
    }

    /// The server the verb names, or null (and the reason on `error`) when it names none it can use.
    public static RulesServer? Open(ParseResult parsed, Options options, TextWriter error)
    {
        var url = parsed.GetValue(options.Url) ?? Environment.GetEnvironmentVariable(UrlVariable) ?? DefaultUrl;
        var key = parsed.GetValue(options.Key) ?? Environment.GetEnvironmentVariable(KeyVariable);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            error.WriteLine($"--url: '{url}' is not an http(s) address.");
            return null;
        }
        // The key goes with every request: never in clear text over a network.
        if (address.Scheme == "http" && !address.IsLoopback)
        {
            error.WriteLine($"--url: '{url}' would send the key unencrypted; use https (http only to this machine).");
            return null;
        }
        if (string.IsNullOrWhiteSpace(key))
        {
            error.WriteLine($"--key: an admin API key is needed (or set {KeyVariable}).");
            return null;
        }
        // A server behind a path (https://gateway/routing) keeps it: the verbs' paths are relative to it.
        var root = new UriBuilder(address) { Path = address.AbsolutePath.TrimEnd('/') + "/" }.Uri;
        var client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return new RulesServer(client);
    }

    /// The answer's JSON, or null when the server refused (printed: the rules and fields it named on
    /// `output`, as `rules validate` prints them; what went wrong on `error`).
    public async Task<JsonNode?> SendAsync(HttpMethod method, string path, JsonNode? body, TextWriter output, TextWriter error, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        JsonNode? answer = null;
        try
        {
            answer = text.Length > 0 ? JsonNode.Parse(text) : new JsonObject();
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): the status says enough.
        }
        if (response.IsSuccessStatusCode && answer is not null) return answer;

        await error.WriteLineAsync($"{method} {path}: {(int)response.StatusCode} {answer?["title"]?.GetValue<string>() ?? response.ReasonPhrase}");
        if (answer?["ruleErrors"] is JsonArray ruleErrors)
            foreach (var e in ruleErrors) await output.WriteLineAsync($"{e?["rule"]}: {e?["message"]}");
        else if (answer?["errors"] is JsonObject errors)
            foreach (var (field, messages) in errors)
                foreach (var message in messages as JsonArray ?? []) await output.WriteLineAsync($"{field}: {message}");
        else if (answer?["detail"] is JsonValue detail) await error.WriteLineAsync(detail.ToString());
        return null;
    }

    public void Dispose() => http.Dispose();
}
