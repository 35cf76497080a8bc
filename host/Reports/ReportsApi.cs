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
        group.MapGet("/{id:guid}", ReportView.GetAsync).RequireAuthorization(Policies.Read);
        return app;
    }

    const int MaxKeyLength = 200;

    static async Task<IResult> Submit(HttpRequest request, IntakeService intake, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<ReportSubmission>(request, JsonBody.ReportMaxBytes, ct);
        if (body.Problem is not null) return body.Problem;

        IdempotencyKey? key = null;
        if (request.Headers.TryGetValue("Idempotency-Key", out var header))
        {
            var value = header.ToString().Trim();
            if (value.Length is 0 or > MaxKeyLength)
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"must be 1 to {MaxKeyLength} characters."] });
            key = new IdempotencyKey(value, body.Hash);
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
