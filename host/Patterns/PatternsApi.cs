using Microsoft.EntityFrameworkCore;
using Routing.Engine.Intake;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.OpenApi;

namespace Routing.Host.Patterns;

/// Candidate patterns: scan for them, list and read them with their evidence, submit one as a
/// report or dismiss it.
internal static class PatternsApi
{
    public const int DefaultPageSize = 50, MaxPageSize = 500;

    public sealed record EvidenceComplaint(string Id, DateTimeOffset ReceivedAt, string? Region, string? AgeGroup, string? Accessibility,
        string? Channel, string? Vendor, string? Depot, string? Summary);

    public sealed record Detail(PatternBody Pattern, int Page, int PageSize, long EvidenceTotal, IReadOnlyList<string> Evidence,
        IReadOnlyList<EvidenceComplaint> EvidenceComplaints);

    public static IEndpointRouteBuilder MapPatterns(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/patterns").WithTags("Patterns");
        group.MapPost("/scan", ScanAsync).RequireAuthorization(Policies.Administer)
            .WithName("scanPatterns")
            .WithSummary("Scans the complaints for patterns and answers when done")
            .WithDescription("Takes no body. Imports start a scan by themselves; this one answers with what it found.")
            .Produces<PatternScanResult>();
        group.MapGet("/", ListAsync).RequireAuthorization(Policies.Patterns)
            .WithName("listPatterns")
            .WithSummary("Candidate patterns, strongest first (lowest q-value, then highest ratio)")
            .Takes("status", PatternStatus.All, "Only candidates in this status.")
            .Describes("product", "Only candidates for this product.")
            .Describes("page", "From 1.")
            .Describes("pageSize", $"From 1 to {MaxPageSize}; {DefaultPageSize} when not given.")
            .Produces<List<PatternBody>>().Refuses(StatusCodes.Status400BadRequest);
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(Policies.Patterns)
            .WithName("getPattern")
            .WithSummary("A candidate with its evidence complaints, paged")
            .Describes("page", "From 1.")
            .Describes("pageSize", $"From 1 to {MaxPageSize}; {DefaultPageSize} when not given.")
            .Produces<Detail>().Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/submit", SubmitAsync).RequireAuthorization(Policies.Submit)
            .WithName("submitPattern")
            .WithSummary("Submits a candidate as a verified report, routed by the active rules")
            .WithDescription("The report is made from the candidate and its evidence; the body may set its severity, title, " +
                             "recommendation and description. A candidate that is not open is a 409.")
            .Accepts<PatternSubmission>("application/json")
            .Produces<ReportReceipt>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{id:guid}/dismiss", DismissAsync).RequireAuthorization(Policies.Submit)
            .WithName("dismissPattern")
            .WithSummary("Dismisses a candidate with a reason; it comes back only if it grows materially")
            .Accepts<PatternDismissal>("application/json")
            .Produces<PatternBody>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict,
                StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    static async Task<IResult> ScanAsync(HttpContext http, PatternScan scan, CancellationToken ct) =>
        TypedResults.Ok(await scan.ScanAsync(Actor.Of(http), ct));

    static async Task<IResult> ListAsync(string? status, string? product, int? page, int? pageSize, RoutingDb db, CancellationToken ct)
    {
        if (status is not null && !PatternStatus.All.Contains(status))
            return Invalid("status", $"must be one of: {string.Join(", ", PatternStatus.All)}.");
        if (Paging(page, pageSize) is { Problem: { } problem }) return problem;
        var (p, size, _) = Paging(page, pageSize);

        var query = db.Patterns.AsNoTracking();
        if (status is not null) query = query.Where(c => c.Status == status);
        if (!string.IsNullOrWhiteSpace(product)) query = query.Where(c => c.Product == product);
        var candidates = await query.StrongestFirst(db).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(candidates.Select(PatternBody.Of).ToList());
    }

    static async Task<IResult> GetAsync(Guid id, int? page, int? pageSize, RoutingDb db, CancellationToken ct)
    {
        if (Paging(page, pageSize) is { Problem: { } problem }) return problem;
        var (p, size, _) = Paging(page, pageSize);
        if (await db.Patterns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } candidate) return NotFound();

        var evidence = PatternEvidence.Of(db, candidate).AsNoTracking();
        var total = await evidence.LongCountAsync(ct);
        var complaints = await evidence.Skip((p - 1) * size).Take(size).ToListAsync(ct);
        return TypedResults.Ok(new Detail(PatternBody.Of(candidate), p, size, total, [.. complaints.Select(c => c.Id)],
            [.. complaints.Select(c => new EvidenceComplaint(c.Id, c.ReceivedAt, c.Region, c.AgeGroup, c.Accessibility, c.Channel, c.Vendor, c.Depot, c.Summary))]));
    }

    static async Task<IResult> SubmitAsync(Guid id, HttpRequest request, PatternDecisions decisions, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<PatternSubmission>(request, JsonBody.ReportMaxBytes, ct);
        if (body.Problem is not null) return body.Problem;
        return await decisions.SubmitAsync(id, body.Value!, Actor.Of(request.HttpContext), ct) switch
        {
            PatternOutcome.Submitted s => TypedResults.Created($"/api/reports/{s.Receipt.ReportId}", s.Receipt),
            PatternOutcome.Invalid i => Results.ValidationProblem(i.Errors,
                title: "The candidate cannot be submitted as given.", statusCode: StatusCodes.Status422UnprocessableEntity),
            var other => Refused(other),
        };
    }

    static async Task<IResult> DismissAsync(Guid id, HttpRequest request, PatternDecisions decisions, RoutingDb db, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<PatternDismissal>(request, 16 * 1024, ct);
        if (body.Problem is not null) return body.Problem;
        return await decisions.DismissAsync(id, body.Value!, Actor.Of(request.HttpContext), ct) switch
        {
            PatternOutcome.Dismissed => TypedResults.Ok(PatternBody.Of(await db.Patterns.AsNoTracking().SingleAsync(c => c.Id == id, ct))),
            PatternOutcome.Invalid i => Results.ValidationProblem(i.Errors, title: "The dismissal needs a reason."),
            var other => Refused(other),
        };
    }

    static IResult Refused(PatternOutcome outcome) => outcome switch
    {
        PatternOutcome.NotFound => NotFound(),
        PatternOutcome.NotOpen n => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: $"The candidate is {n.Status}, not open."),
        _ => throw new InvalidOperationException($"Unexpected outcome {outcome}."),
    };

    static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such candidate pattern.");

    static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    static (int Page, int Size, IResult? Problem) Paging(int? page, int? pageSize) =>
        page is < 1 ? (0, 0, Invalid("page", "must be at least 1."))
        : pageSize is < 1 or > MaxPageSize ? (0, 0, Invalid("pageSize", $"must be from 1 to {MaxPageSize}."))
        : page > int.MaxValue / (pageSize ?? DefaultPageSize) ? (0, 0, Invalid("page", "is beyond any list."))
        : (page ?? 1, pageSize ?? DefaultPageSize, null);
}
