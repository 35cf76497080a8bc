using System.Text.Json.Serialization;
using Routing.Engine.Store;
using Routing.Host.Errors;
using Routing.Host.History;

namespace Microsoft.Extensions.DependencyInjection;

internal static class RoutingApiExtensions
{
    /// JSON conventions, ProblemDetails, health, OpenAPI: what every endpoint relies on.
    public static IServiceCollection AddRoutingApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi(o => o.AddOperationTransformer(HistoryKindsInOpenApi.TransformAsync));
        // The webhooks a department receives, under the document's `webhooks`.
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddDocumentTransformer(Routing.Host.Webhooks.WebhooksInOpenApi.TransformAsync));
        return services;
    }
}
