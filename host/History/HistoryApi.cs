using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.OpenApi;

namespace Routing.Host.History;

/// The audit history: query with filters and a cursor, verify the chain, export.
internal static class HistoryApi
{
    public sealed record Page(IReadOnlyList<HistoryEntryBody> Events, long? Next);

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/history").WithTags("History").RequireAuthorization(Policies.Audit);
        group.MapGet("/", QueryAsync)
            .WithName("searchHistory")
            .WithSummary("Events matching the filters, oldest first, a page at a time")
            .WithDescription("Pass `next` from one page as `after` to read the next; `next` is null on the last page.")
            .Filters()
            .Describes("after", "The `next` of the previous page: events after this sequence number.")
            .Describes("limit", $"Events per page, from 1 to {HistoryQuery.MaxLimit}; {HistoryQuery.DefaultLimit} when not given.")
            .Produces<Page>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/verify", async (HistoryVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(ct)))
            .WithName("verifyHistory")
            .WithSummary("Checks the hash chain: ok, or the first event that does not match")
            .WithDescription("`unsealed` counts the events written in the last second or so, not yet chained.");
        group.MapGet("/export", HistoryExport.ExportAsync)
            .WithName("exportHistory")
            .WithSummary("Every event matching the filters, streamed as NDJSON or CSV")
            .Filters()
            .Takes("format", ["ndjson", "csv"], "ndjson (the default) or csv.")
            .Produces<string>(StatusCodes.Status200OK, "application/x-ndjson", "text/csv")
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        // The console's export buttons: the same export, where the sign-in cookie counts.
        app.MapGet("/console/history/export", HistoryExport.ExportAsync).RequireAuthorization(Policies.Audit).ExcludeFromDescription();
        return app;
    }

    static RouteHandlerBuilder Filters(this RouteHandlerBuilder endpoint) => endpoint
        .Describes("reportId", "Only events of this report.")
        .Describes("workItemId", "Only events of this work item.")
        .Describes("department", "Only events of this department.")
        .Describes("actor", "Only events by this actor (a key's name, or system:…).")
        .Describes("from", "Events at or after this time (ISO 8601).")
        .Describes("to", "Events before this time (ISO 8601).");

    static async Task<IResult> QueryAsync(
        Guid? reportId, Guid? workItemId, string? department, string? kind, string? actor, string? from, string? to,
        long? after, int? limit, RoutingDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, end) = (QueryTime.Parse(from, "from", errors), QueryTime.Parse(to, "to", errors));
        if (limit is < 1 or > HistoryQuery.MaxLimit) errors["limit"] = [$"must be from 1 to {HistoryQuery.MaxLimit}."];
        if (Refusal(errors, department, kind, actor) is { } refused) return refused;

        var (events, next) = await new HistoryQuery(reportId, workItemId, department, kind, actor, start, end, after, limit ?? HistoryQuery.DefaultLimit)
            .RunAsync(db, ct);
        return TypedResults.Ok(new Page([.. events.Select(HistoryEntryBody.Of)], next));
    }

    /// Why a search's filters are refused, or null: a 400 naming what does not parse, or a 422
    /// for a kind there is none of. The search and the export ask alike.
    public static IResult? Refusal(Dictionary<string, string[]> errors, string? department, string? kind, string? actor)
    {
        HistoryQuery.CheckText(errors, ("department", department), ("kind", kind), ("actor", actor));
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return HistoryQuery.KindProblem(kind) is { } problem
            ? Results.ValidationProblem(new Dictionary<string, string[]> { ["kind"] = [problem] },
                title: "No such kind of event.", statusCode: StatusCodes.Status422UnprocessableEntity)
            : null;
    }
}
