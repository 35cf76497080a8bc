using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Host.Access;

namespace Routing.Host.History;

/// The audit history: query with filters and a cursor, verify the chain, export.
internal static class HistoryApi
{
    public sealed record Page(IReadOnlyList<HistoryEntryView> Events, long? Next);

    const int DefaultLimit = 100, MaxLimit = 1_000;

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/history").WithTags("History").RequireAuthorization(Policies.Audit);
        group.MapGet("/", QueryAsync);
        group.MapGet("/verify", async (HistoryVerifier verifier, CancellationToken ct) => TypedResults.Ok(await verifier.VerifyAsync(ct)));
        group.MapGet("/export", HistoryExport.ExportAsync);
        return app;
    }

    static async Task<IResult> QueryAsync(
        Guid? reportId, Guid? workItemId, string? department, string? kind, string? actor, string? from, string? to,
        long? after, int? limit, RoutingDb db, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var (start, end) = (QueryTime.Parse(from, "from", errors), QueryTime.Parse(to, "to", errors));
        if (limit is < 1 or > MaxLimit) errors["limit"] = [$"must be from 1 to {MaxLimit}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var query = Filter(db.History.AsNoTracking(), start, end);
        if (reportId is { } r) query = query.Where(e => e.ReportId == r);
        if (workItemId is { } w) query = query.Where(e => e.WorkItemId == w);
        if (department is not null) query = query.Where(e => e.Department == department);
        if (kind is not null) query = query.Where(e => e.Kind == kind);
        if (actor is not null) query = query.Where(e => e.Actor == actor);
        if (after is { } a) query = query.Where(e => e.Sequence > a);

        var take = limit ?? DefaultLimit;
        var events = await query.OrderBy(e => e.Sequence).Take(take).ToListAsync(ct);
        return TypedResults.Ok(new Page([.. events.Select(HistoryEntryView.Of)], events.Count == take ? events[^1].Sequence : null));
    }

    public static IQueryable<HistoryEvent> Filter(IQueryable<HistoryEvent> query, DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f) query = query.Where(e => e.At >= f);
        if (to is { } t) query = query.Where(e => e.At < t);
        return query;
    }

}
