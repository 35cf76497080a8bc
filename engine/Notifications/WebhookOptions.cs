namespace Routing.Engine.Notifications;

/// Which webhook addresses an operator allows beyond the public internet. Loopback,
/// link-local, private and other internal addresses are refused unless listed here, by
/// host name (every address it resolves to is then allowed) or by IP address or CIDR range:
/// <code>
/// "Routing": { "Webhooks": { "AllowedHosts": [ "127.0.0.1", "hooks.internal.example", "10.20.0.0/16" ] } }
/// </code>
/// or, in the environment, `Routing__Webhooks__AllowedHosts__0=127.0.0.1`.
public sealed class WebhookOptions
{
    public const string Section = "Routing:Webhooks";

    public List<string> AllowedHosts { get; set; } = [];
}
