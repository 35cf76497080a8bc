using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;
using Routing.Engine.Complaints;
using Routing.Engine.Exposure;
using Routing.Engine.Imports;
using Routing.Host.Access;

namespace Routing.Host.Imports;

/// Complaints and units sold come in as files of any size: the body is read as it arrives and
/// stored in batches (see ComplaintImport), so these two endpoints take bodies beyond the
/// host's limit for everything else.
internal static class ImportsApi
{
    public static IEndpointRouteBuilder MapImports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Imports").RequireAuthorization(Policies.Import);
        group.MapPost("/complaints", (HttpRequest request, ComplaintImport import, CancellationToken ct) =>
                ImportAsync(request, (rows, actor) => import.ImportAsync(rows, actor, ImportSource.Api, ct)))
            .WithName("importComplaints")
            .WithSummary("Imports complaints from the ticket system")
            .WithDescription("One complaint a line (NDJSON), a CSV with a header row, or a JSON array, of any size. Fields: id (the " +
                             "ticket's own), receivedAt (ISO 8601, not in the future), product, category (a report category), and " +
                             "optionally region, ageGroup, accessibility, channel, vendor, depot, summary. A line already stored is " +
                             "a duplicate; the same id with other content is an error on its line.")
            .Describe();
        group.MapPost("/exposure", (HttpRequest request, ExposureImport import, CancellationToken ct) =>
                ImportAsync(request, (rows, actor) => import.ImportAsync(rows, actor, ImportSource.Api, ct)))
            .WithName("importExposure")
            .WithSummary("Imports units sold per product, region and month")
            .WithDescription("Rows of product, region, month (YYYY-MM) and unitsSold (a whole number), as NDJSON, CSV with a header " +
                             "row, or a JSON array. A row for a product, region and month already stored replaces its value.")
            .Describe();
        return app;
    }

    // The body's formats are described, not declared with Accepts(): routing would refuse any
    // other type itself, with a 415 that does not say which types are taken.
    static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint) => endpoint
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "One line a record: NDJSON, a CSV whose header row names the fields, or a JSON array of objects.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/x-ndjson"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "One JSON object a line." } },
                    ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A header row naming the fields, then one record a row." } },
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                    },
                },
            };
            return Task.CompletedTask;
        })
        .Produces<ImportSummary>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

    static async Task<IResult> ImportAsync(HttpRequest request, Func<IAsyncEnumerable<ImportRow>, string, Task<ImportSummary?>> import)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = null;
        if (ImportFormat.OfContentType(request.ContentType) is not { } format)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: $"The body must be {ImportFormat.MediaTypes}.");
        if (request.ContentLength == 0) return Empty();

        var summary = await import(format.Read(request.Body, request.HttpContext.RequestAborted), Actor.Of(request.HttpContext));
        return summary is null ? Empty() : TypedResults.Ok(summary);
    }

    static IResult Empty() => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body has no lines.");
}
