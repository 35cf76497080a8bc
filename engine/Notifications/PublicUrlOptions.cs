namespace Routing.Engine.Notifications;

/// Where people and webhook receivers reach this host: the links a webhook carries (to the API
/// resource and the console page) start with it. Set it to the address behind the proxy:
/// <code>
/// "Routing": { "PublicUrl": "https://routing.example.com" }
/// </code>
/// or, in the environment, `Routing__PublicUrl=https://routing.example.com`.
public sealed class PublicUrlOptions
{
    public const string Section = "Routing";

    /// The default is the host's own default address (`Urls`).
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// The URL of a path on this host (`/api/...`), with no doubled slash whatever the setting ends with.
    public string Link(string path) => PublicUrl.TrimEnd('/') + path;

    public string? Problem() =>
        Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0
            ? null : $"{Section}:PublicUrl must be an absolute http or https URL without a query, not '{PublicUrl}'.";
}
