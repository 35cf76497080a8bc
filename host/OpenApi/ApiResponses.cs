using Microsoft.OpenApi;

namespace Routing.Host.OpenApi;

/// Success answers `Produces<T>` cannot declare: one schema per status is all it takes.
internal static class ApiResponses
{
    /// The 200 is also given as CSV (`format=csv`): text/csv beside the JSON schema.
    public static RouteHandlerBuilder AlsoCsv(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
                (response.Content ??= new Dictionary<string, OpenApiMediaType>())["text/csv"] =
                    new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        });
}
