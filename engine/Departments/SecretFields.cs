using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Routing.Engine.Departments;

/// The one place that knows which JSON fields hold secrets and how they are shown instead:
/// by property name, at any depth, so a secret field added later is covered without code.
/// A secret is shown as its fingerprint (`sha256:` and the first 8 hex digits of its
/// SHA-256), which tells that a secret was set or changed, never what it is.
internal static partial class SecretFields
{
    /// Property names (case-insensitive) whose string values are secrets.
    public static readonly string[] Names = ["secret", "password", "token", "apiKey", "privateKey", "clientSecret"];

    public static bool IsSecret(string propertyName) =>
        Names.Any(n => string.Equals(n, propertyName, StringComparison.OrdinalIgnoreCase));

    public static string Fingerprint(string secret) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..8];

    /// Whether a value is a fingerprint shown in place of a secret (and so not a secret itself:
    /// secrets have at least 16 characters, a fingerprint 15).
    public static bool IsFingerprint(string? value) => value is not null && FingerprintPattern().IsMatch(value);

    /// A copy of the JSON text with every secret replaced by its fingerprint. With `urls`,
    /// every property named `url` keeps only its scheme and host, plus the fingerprint of the
    /// whole: a Slack- or Teams-style webhook URL carries its credential in the path.
    public static string Redact(string json, bool urls = false) =>
        JsonNode.Parse(json) is { } node ? Redact(node, urls).ToJsonString() : json;

    /// Replaces every secret in the tree by its fingerprint, in place; returns the tree.
    public static JsonNode Redact(JsonNode node, bool urls = false)
    {
        foreach (var (value, _) in SecretsIn(node))
            value.ReplaceWith(Fingerprint(value.GetValue<string>()));
        if (urls)
            foreach (var (value, _, _) in Walk(node, "").Where(s => s.Path.EndsWith("/url", StringComparison.OrdinalIgnoreCase)).ToList())
                value.ReplaceWith(MaskUrl(value.GetValue<string>()));
        return node;
    }

    /// A URL as scheme and host only, plus the fingerprint of the whole.
    public static string MaskUrl(string url) =>
        (Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}/... " : "") + Fingerprint(url);

    /// Every secret-named string in the tree with its path relative to `node` (property names and indexes).
    public static IEnumerable<(JsonValue Value, string Path)> SecretsIn(JsonNode node) =>
        Walk(node, "").Where(s => s.Secret).Select(s => (s.Value, s.Path)).ToList();

    // Every string value in the tree, with its path and whether its name makes it a secret.
    static IEnumerable<(JsonValue Value, string Path, bool Secret)> Walk(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out _))
                        yield return (v, $"{path}/{name}", IsSecret(name));
                    else
                        foreach (var found in Walk(child, $"{path}/{name}")) yield return found;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var found in Walk(a[i], $"{path}/{i}")) yield return found;
                break;
        }
    }

    [GeneratedRegex("^sha256:[0-9a-f]{8}$")]
    private static partial Regex FingerprintPattern();
}
