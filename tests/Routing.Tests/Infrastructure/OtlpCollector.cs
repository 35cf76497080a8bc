using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Routing.Tests.Infrastructure;

/// An OpenTelemetry collector on loopback, as far as a host exporting OTLP over http/protobuf
/// sees one: it takes traces, logs and metrics, answers 200, and keeps what it received.
public sealed class OtlpCollector : IAsyncDisposable
{
    readonly WebApplication app;
    readonly ConcurrentQueue<byte[]> traces = new(), logs = new();

    OtlpCollector(WebApplication app) => this.app = app;

    public string Endpoint { get; private set; } = "";

    /// What a host needs to export here: the endpoint, the protocol (.NET's default is gRPC), short batch delays.
    public Dictionary<string, string> Environment => new()
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
    };

    public IEnumerable<OtlpSpan> Spans => traces.ToArray().SelectMany(OtlpSpan.Read);
    public IEnumerable<OtlpLogRecord> Logs => logs.ToArray().SelectMany(OtlpLogRecord.Read);

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var collector = new OtlpCollector(builder.Build());
        collector.app.MapPost("/v1/traces", (HttpRequest request) => Keep(request, collector.traces));
        collector.app.MapPost("/v1/logs", (HttpRequest request) => Keep(request, collector.logs));
        collector.app.MapPost("/v1/metrics", (HttpRequest request) => Keep(request, null));
        await collector.app.StartAsync();
        collector.Endpoint = collector.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return collector;
    }

    static async Task<IResult> Keep(HttpRequest request, ConcurrentQueue<byte[]>? into)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        into?.Enqueue(body.ToArray());
        // An empty Export…ServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
