using System.Net;

namespace Routing.Host.Access;

/// The load balancers or reverse proxies in front of the hosts, trusted to say who the client
/// is (X-Forwarded-For) and whether it came in over https (X-Forwarded-Proto). Unset, the
/// headers are ignored: anyone could send them.
/// <code>
/// "Routing": { "Proxy": { "KnownProxies": [ "10.0.0.5" ], "KnownNetworks": [ "10.0.1.0/24" ] } }
/// </code>
public sealed class ProxyOptions
{
    public const string Section = "Routing:Proxy";

    /// The proxies' own addresses, as the host sees them connect.
    public List<string> KnownProxies { get; set; } = [];
    /// CIDR ranges of proxies (a balancer that scales out).
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsSet => KnownProxies.Count > 0 || KnownNetworks.Count > 0;

    internal string? Problem()
    {
        for (var i = 0; i < KnownProxies.Count; i++)
            if (!IPAddress.TryParse(KnownProxies[i], out _))
                return $"{Section}:KnownProxies:{i} ({KnownProxies[i]}) is not an IP address.";
        for (var i = 0; i < KnownNetworks.Count; i++)
            if (!IPNetwork.TryParse(KnownNetworks[i], out _))
                return $"{Section}:KnownNetworks:{i} ({KnownNetworks[i]}) is not a CIDR range such as 10.0.1.0/24.";
        return null;
    }
}
