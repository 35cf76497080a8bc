using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Host.Health;

/// The probes operators and load balancers ask, all anonymous (they say nothing secret):
/// `/health` the store only, as it always has; `/health/live` the process alone (restart it when
/// this fails); `/health/ready` the store, the compiled rules and this host's scheduler (send it
/// no traffic while this fails). 503 when unhealthy.
internal static class HealthEndpoints
{
    public const string Ready = "ready";

    public static WebApplication MapRoutingHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Name == "store" }).AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteChecksAsync })
            .AllowAnonymous();
        return app;
    }

    /// `{ "status": "Healthy", "checks": { "store": { "status": "Healthy" }, "rules": { … },
    /// "scheduler": { "status": "Healthy", "description": "off on this host" } } }`: which part is
    /// down, in our own fixed words; never an exception (anyone may ask).
    static Task WriteChecksAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new CheckBody(e.Value.Status.ToString(),
                // A check that threw has the exception's message as its description: not shown. Our
                // checks that catch give their own words with the exception (for the log), shown.
                e.Value.Exception is { } thrown && e.Value.Description == thrown.Message ? null : e.Value.Description)),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, Json), http.RequestAborted);
    }

    sealed record CheckBody(string Status, string? Description);

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}
