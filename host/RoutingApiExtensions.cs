using System.Text.Json.Serialization;
using Routing.Engine.Store;
using Routing.Rules.Rulesets;
using Routing.Host.Errors;
using Routing.Host.Health;
using Routing.Host.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

internal static class RoutingApiExtensions
{
    /// JSON conventions, ProblemDetails, health, OpenAPI: what every endpoint relies on.
    public static IServiceCollection AddRoutingApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // Numbers are numbers (as JsonBody reads them): the OpenAPI document types them `integer`, not `integer|string`.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        // /health asks the store alone; /health/ready every check tagged ready (HealthEndpoints).
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [HealthEndpoints.Ready])
            .AddCheck<RulesHealthCheck>("rules", tags: [HealthEndpoints.Ready])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthEndpoints.Ready]);
        services.AddOpenApi(RoutingOpenApi.Configure);
        return services;
    }
}
