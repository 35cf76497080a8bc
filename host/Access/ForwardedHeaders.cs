using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Routing.Host.Access;

/// Behind a balancer every request comes from the balancer: without this, the failed-key throttle
/// would count all clients as one (and refuse everyone after ten bad keys), and history and
/// sessions would record the balancer's address instead of the client's.
internal static class ForwardedHeaders
{
    public static IServiceCollection AddRoutingProxy(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).Check(o => o.Problem()).ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor
                                         | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // Only the configured proxies, not ASP.NET Core's default of loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks) forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // Through a chain of known proxies (a balancer, then an ingress) to the first address none of them is.
            forwarded.ForwardLimit = null;
        });
        return services;
    }

    /// First in the pipeline, so everything after it sees the client's address and scheme.
    public static WebApplication UseRoutingProxy(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.IsSet) app.UseForwardedHeaders();
        return app;
    }
}
