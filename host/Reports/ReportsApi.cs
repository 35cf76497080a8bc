using Microsoft.AspNetCore.Http.HttpResults;
using Routing.Engine.Intake;
using Routing.Host.Access;
using Routing.Engine.Reports;

namespace Routing.Host.Reports;

internal static class ReportsApi
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapPost("/", Submit)
            .Accepts<ReportSubmission>("application/json")
            .Produces<ReportReceipt>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .RequireAuthorization(Policies.Submit);
        group.MapGet("/{id:guid}", ReportQuery.GetAsync).RequireAuthorization(Policies.Read);
        return app;
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
