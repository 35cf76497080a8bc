using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Routing.Host.OpenApi;

/// What the document says of a parameter the handler checks itself (its values, that it is
/// required) where the C# signature, a `string?`, cannot say it.
internal static class ApiParameters
{
    /// The values a parameter takes, as the handler checks them.
    public static RouteHandlerBuilder Takes(this RouteHandlerBuilder endpoint, string name, IReadOnlyList<string> values, string description) =>
        endpoint.Takes(name, _ => values, description);

    /// The values a parameter takes, read from the services each time the document is made.
    public static RouteHandlerBuilder Takes(this RouteHandlerBuilder endpoint, string name, Func<IServiceProvider, IEnumerable<string>> values, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            foreach (var parameter in Named(operation, name))
            {
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values(context.ApplicationServices).Select(v => (JsonNode)v)] };
                parameter.Description ??= description;
            }
            return Task.CompletedTask;
        });

    /// A parameter the handler refuses the request without (a 400 naming it).
    public static RouteHandlerBuilder Needs(this RouteHandlerBuilder endpoint, string name, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in Named(operation, name))
            {
                parameter.Required = true;
                parameter.Description ??= description;
                if (parameter.Schema is OpenApiSchema { Type: { } t } schema) schema.Type = t & ~JsonSchemaType.Null;
            }
            return Task.CompletedTask;
        });

    /// Says what a parameter is.
    public static RouteHandlerBuilder Describes(this RouteHandlerBuilder endpoint, string name, string description) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in Named(operation, name)) parameter.Description = description;
            return Task.CompletedTask;
        });

    static IEnumerable<OpenApiParameter> Named(OpenApiOperation operation, string name) =>
        (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == name);
}
