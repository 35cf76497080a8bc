using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Routing.Engine.History;

namespace Routing.Host.History;

/// The OpenAPI document lists the kinds of events that GET /api/history?kind= (and the export) accepts, from
/// HistoryKinds itself, so a kind added there is documented without another edit.
internal static class HistoryKindsInOpenApi
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.RelativePath?.TrimEnd('/') is not ("api/history" or "api/history/export")) return Task.CompletedTask;
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Name == "kind"))
        {
            parameter.Description = "Only events of this kind. Older events written under a kind's former name are found too.";
            parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. HistoryKinds.All.Select(k => (JsonNode)k)] };
        }
        return Task.CompletedTask;
    }
}
