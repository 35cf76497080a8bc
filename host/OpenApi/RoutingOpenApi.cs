using Microsoft.AspNetCore.OpenApi;
using Routing.Host.History;

namespace Routing.Host.OpenApi;

/// How /openapi/v1.json is made: the API under /api only (never the console's cookie routes nor
/// the Hangfire dashboard), with its front matter, who may call each operation, and schemas a
/// client generator can trust.
internal static class RoutingOpenApi
{
    public static void Configure(OpenApiOptions o)
    {
        o.ShouldInclude = d => d.RelativePath is { } path && path.StartsWith("api/", StringComparison.Ordinal);
        o.CreateSchemaReferenceId = ApiSchemas.ReferenceId;
        o.AddDocumentTransformer(ApiDocument.TransformAsync);
        o.AddDocumentTransformer(ApiProblems.AddSchemasAsync);
        o.AddDocumentTransformer(RulesetSchemas.AddAsync);
        // The webhooks a department receives, under the document's `webhooks`.
        o.AddDocumentTransformer(Webhooks.WebhooksInOpenApi.TransformAsync);
        o.AddOperationTransformer(ApiAccess.TransformAsync);
        o.AddOperationTransformer(ApiProblems.DescribeAsync);
        o.AddOperationTransformer(HistoryKindsInOpenApi.TransformAsync);
        o.AddSchemaTransformer(ApiSchemas.TransformAsync);
    }
}
