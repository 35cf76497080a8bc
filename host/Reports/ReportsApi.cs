using Microsoft.AspNetCore.Http.HttpResults;
using Routing.Engine.Intake;
using Routing.Host.Access;
using Routing.Engine.Reports;
using Microsoft.OpenApi;
using Routing.Host.OpenApi;

namespace Routing.Host.Reports;

internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapPost("/", Submit)
            .WithName("submitReport")
            .WithSummary("Submits a verified pattern; it is routed at once")
            .WithDescription("The active rules route the report to one or more departments, each of which gets a work item with a " +
                             "priority and due times; the 201 receipt lists them. With an Idempotency-Key, a retry of the same body " +
                             "returns the first receipt; the same key with another body is a 409.")
            .Accepts<ReportSubmission>("application/json")
            .AddOpenApiOperationTransformer((operation, _, _) => IdempotencyKeyHeader(operation))
            .Produces<ReportReceipt>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(Policies.Submit);
        group.MapGet("/{id:guid}", ReportQuery.GetAsync).RequireAuthorization(Policies.Read)
            .WithName("getReport")
            .WithSummary("A report, its work items, and why each was routed")
            .WithDescription("A department head sees the report through their own departments' items only (and a 404 when none is theirs).")
            .Produces<ReportQuery.Body>()
            .Refuses(StatusCodes.Status404NotFound);
        return app;
    }

    static Task IdempotencyKeyHeader(OpenApiOperation operation)
    {
        (operation.Parameters ??= []).Add(new OpenApiParameter
        {
            Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
            Description = "Makes a retry safe: the same key with the same body returns the first receipt instead of storing a second " +
                          $"report; with another body it is a 409. The key {Idempotency.KeyRule}",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = Idempotency.MaxKeyLength, Pattern = "^[ -~]+$" },
        });
        return Task.CompletedTask;
    }

    static async Task<IResult> Submit(HttpRequest request, IntakeService intake, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ReportSubmission>(request, JsonBody.ReportMaxBytes, ct);
        if (body.Problem is not null) return body.Problem;

        IdempotencyKey? key = null;
        if (request.Headers.TryGetValue("Idempotency-Key", out var header))
        {
            key = Idempotency.FromRequest(header.ToString(), body.Bytes.Span, out var problem);
            if (problem is not null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["Idempotency-Key"] = [problem] });
        }

        var outcome = await intake.SubmitAsync(body.Value!, key, Actor.Of(request.HttpContext), ct);
        return outcome switch
        {
            IntakeOutcome.Accepted a => TypedResults.Created($"/api/reports/{a.Receipt.ReportId}", a.Receipt),
            IntakeOutcome.Invalid i => Results.ValidationProblem(i.Errors,
                title: "The report is not a valid verified pattern.", statusCode: StatusCodes.Status422UnprocessableEntity),
            IntakeOutcome.KeyReused => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "This Idempotency-Key was already used with a different body."),
            _ => throw new InvalidOperationException($"Unknown intake outcome {outcome}."),
        };
    }
}
