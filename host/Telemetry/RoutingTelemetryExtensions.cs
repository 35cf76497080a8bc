using Microsoft.AspNetCore.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Routing.Engine.Telemetry;
using Routing.Host.Access;

namespace Routing.Host.Telemetry;

/// OpenTelemetry: metrics always (for /metrics, and over OTLP when it is set); traces and
/// logs only when OTEL_EXPORTER_OTLP_ENDPOINT is set, so a host nobody collects from pays
/// nothing for spans. The standard OTEL_* variables (service name, protocol, resource
/// attributes, batch delays) are read by the SDK itself.
internal static class RoutingTelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddRoutingTelemetry(this WebApplicationBuilder builder)
    {
        var urls = Urls(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).Check(o => o.Problem(urls)).ValidateOnStart();
        builder.Services.AddHostedService<TelemetrySampler>();
        var otel = builder.Services.AddOpenTelemetry()
            // "routing" unless OTEL_SERVICE_NAME says otherwise: the variables are read again after it, so they win.
            .ConfigureResource(r => r.AddService("routing").AddEnvironmentVariableDetector())
            .WithMetrics(metrics => metrics
                .AddMeter(RoutingTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddRuntimeInstrumentation()
                // A scrape reads the numbers of that moment, not a cached answer.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.WithTracing(tracing => tracing
                    .SetSampler(new ParentBasedSampler(new QuietBackgroundSampler()))
                    .AddSource(RoutingTelemetry.Name)
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddProcessor(new OutgoingUrlMasking())
                    .AddNpgsql())
                .WithLogging(_ => { }, o => o.IncludeFormattedMessage = true)
                .UseOtlpExporter();

        if (builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() is { ManagementPort: { } port } options
            && options.Problem(urls) is null)
            builder.WebHost.UseUrls([.. urls, ManagementUrl(urls, port)]);
        return builder;
    }

    /// Probes and scrapes: a span for each would drown the requests people make.
    static bool IsPlumbing(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);

    static string[] Urls(WebApplicationBuilder builder) =>
        (builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? "http://localhost:5000")
        .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// The management port listens where the host's first address does (loopback stays loopback).
    /// Added to the URLs, not with Kestrel's Listen: an explicit Listen replaces the URLs.
    static string ManagementUrl(string[] urls, int port) =>
        $"http://{(urls.Length == 0 ? "localhost" : BindingAddress.Parse(urls[0]).Host)}:{port}";

    /// On the management port, before anything asks for a key: /metrics is answered here,
    /// /health* goes on to its (anonymous) endpoints, everything else is 404. Call before authentication.
    public static WebApplication UseManagementPort(this WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.ManagementPort is not { } port)
            return app;
        app.UseWhen(http => http.Connection.LocalPort == port, management => management
            .UseOpenTelemetryPrometheusScrapingEndpoint(http => http.Request.Path == MetricsPath)
            .Use((http, next) =>
            {
                if (http.Request.Path.StartsWithSegments("/health")) return next(http);
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }));
        return app;
    }

    /// /metrics on the host's own port, for admins.
    public static WebApplication MapRoutingTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(Policies.Administer);
        return app;
    }
}
