using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Model;

namespace Routing.Tests.Infrastructure;

/// A load balancer on loopback (YARP): round robin over the hosts it is given, each probed on
/// /health/ready every second, as docs/deploy.md sets one up. Every answer it forwards names the
/// host that gave it in `X-Test-Host` (the test's own header).
public sealed class ReverseProxy : IAsyncDisposable
{
    public const string HostHeader = "X-Test-Host";
    const string Cluster = "routing";

    readonly WebApplication app;

    ReverseProxy(WebApplication app) => this.app = app;

    public Uri Address { get; private set; } = null!;

    /// Which host answered each request forwarded so far.
    public ConcurrentQueue<string> Served { get; } = new();

    public static async Task<ReverseProxy> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddReverseProxy().LoadFromMemory([], []);
        var proxy = new ReverseProxy(builder.Build());
        proxy.app.MapReverseProxy(pipeline =>
        {
            pipeline.Use(async (http, next) =>
            {
                http.Response.OnStarting(() =>
                {
                    if (http.GetReverseProxyFeature().ProxiedDestination is { } host)
                    {
                        http.Response.Headers[HostHeader] = host.DestinationId;
                        proxy.Served.Enqueue(host.DestinationId);
                    }
                    return Task.CompletedTask;
                });
                await next();
            });
            // A custom pipeline has none of YARP's steps unless named: without this, a random host.
            pipeline.UseLoadBalancing();
        });
        await proxy.app.StartAsync();
        proxy.Address = new Uri(proxy.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return proxy;
    }

    /// Every path to these hosts, named by their keys.
    public void RouteTo(IReadOnlyDictionary<string, Uri> hosts) =>
        app.Services.GetRequiredService<InMemoryConfigProvider>().Update(
            [new RouteConfig { RouteId = "all", ClusterId = Cluster, Match = new RouteMatch { Path = "/{**path}" } }],
            [new ClusterConfig
            {
                ClusterId = Cluster,
                LoadBalancingPolicy = "RoundRobin",
                Destinations = hosts.ToDictionary(h => h.Key, h => new DestinationConfig { Address = h.Value.ToString() }),
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true, Interval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(5),
                        Policy = "ConsecutiveFailures", Path = "/health/ready",
                    },
                },
            }]);

    /// A client of the proxy that sends `key` (or none), connecting from `from` (another loopback
    /// address than the proxy's own, so the hosts can tell the client from the proxy).
    public HttpClient Client(string? key, string from = "127.0.0.1", bool followRedirects = true)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = followRedirects,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        var client = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        if (key is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        return client;
    }

    /// The host that answered.
    public static string HostOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(HostHeader, out var host) ? host.Single() : "(the proxy itself)";

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
