using System.Net;
using System.Net.Sockets;

namespace Routing.Engine.Notifications;

/// Where webhooks may go: a webhook must not become a way to reach the host itself, the
/// cloud's metadata service or the internal network (SSRF). Checked twice: on the URL when a
/// ruleset is validated (no DNS there: a name may resolve differently tomorrow), and on every
/// address a name resolves to when a delivery connects (so DNS rebinding fails too).
internal sealed class WebhookAddressPolicy
{
    // Loopback, "this network", link-local (cloud metadata at 169.254.169.254), private,
    // carrier-grade NAT, benchmarking, reserved, multicast and broadcast; IPv6 likewise,
    // with IPv4-compatible, IPv4-mapped and NAT64 addresses judged by the IPv4 address inside.
    static readonly IPNetwork[] Internal =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(IPNetwork.Parse),
    ];

    static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");

    readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);
    readonly List<IPNetwork> networks = [];

    public WebhookAddressPolicy(IEnumerable<string> allowedHosts)
    {
        foreach (var entry in allowedHosts.Select(h => h.Trim()).Where(h => h.Length > 0))
        {
            if (IPNetwork.TryParse(entry, out var network)) networks.Add(network);
            else if (IPAddress.TryParse(entry.Trim('[', ']'), out var address)) networks.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            else names.Add(entry.TrimEnd('.'));
        }
    }

    /// Whether an AllowedHosts entry is one: an IP address or CIDR range, or a host name (blank entries are skipped).
    public static bool IsReadable(string entry)
    {
        entry = entry.Trim();
        return entry.Length == 0 || IPNetwork.TryParse(entry, out _) || IPAddress.TryParse(entry.Trim('[', ']'), out _)
            || Uri.CheckHostName(entry.TrimEnd('.')) == UriHostNameType.Dns;
    }

    /// Why a webhook URL is refused, or null when it may be used.
    public string? Refuses(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "webhook.url must be an absolute http or https URL.";
        if (uri.UserInfo.Length > 0)
            return "webhook.url must not carry a user name or password; use the secret to authenticate.";
        var host = uri.IdnHost.TrimEnd('.');
        if (names.Contains(host)) return null;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
            return AllowsAddress(address) ? null : $"webhook.url points at an internal address ({address}); an operator can allow it in Routing:Webhooks:AllowedHosts.";
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || !host.Contains('.'))
            return $"webhook.url names a local host ({host}); an operator can allow it in Routing:Webhooks:AllowedHosts.";
        return null;
    }

    /// Whether a delivery to `host` may connect to `address` (one of the addresses the host resolved to).
    public bool Allows(string host, IPAddress address) => names.Contains(host.TrimEnd('.')) || AllowsAddress(address);

    bool AllowsAddress(IPAddress address)
    {
        if (networks.Any(n => n.Contains(address))) return true;
        return !IsInternal(address);
    }

    static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return IsInternal(address.MapToIPv4());
        if (Nat64.Contains(address)) return IsInternal(new IPAddress(address.GetAddressBytes()[12..]));
        return address.Equals(IPAddress.Broadcast) || Internal.Any(n => n.Contains(address));
    }
}
