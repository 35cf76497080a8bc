using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Calendars;
using Routing.Engine.Effectiveness;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.OpenApi;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/{id}/effectiveness (computed live), and
/// POST /api/work-items/{id}/effectiveness/decision { verdict, note, version }: a CSM decides an
/// inconclusive check.
internal static class EffectivenessApi
{
    public sealed record DecisionBody(string? Verdict, string? Note, int? Version);

    public static IEndpointRouteBuilder MapEffectiveness(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/effectiveness", GetAsync).RequireAuthorization(Policies.Read)
            .WithName("getWorkItemEffectiveness")
            .WithSummary("Whether a resolved item's fix is working, computed now from complaints and units sold")
            .Produces<EffectivenessBody>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/effectiveness/decision", DecideAsync).RequireAuthorization(Policies.Submit)
            .WithName("decideWorkItemEffectiveness")
            .WithSummary("A CSM decides an inconclusive effectiveness check: effective (verified) or not (reopened)")
            .TakesJson<DecisionBody>("The verdict, why (for the history), and the version last read.")
            .Produces<WorkItemBody>()
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RefusesWith(StatusCodes.Status409Conflict, "WorkItemConflict",
                "The action is not allowed in the item's state (allowedActions lists those that are), or the item changed since it was read (version).",
                ApiProblems.WorkItemConflictMembers());
        return group;
    }

    static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RoutingDb db, EffectivenessReading reading, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().VisibleTo(user).FirstOrDefaultAsync(w => w.Id == id, ct);
        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.")
            : TypedResults.Ok(EffectivenessBody.Of(await reading.ForAsync(item, ct)));
    }

    static async Task<IResult> DecideAsync(
        Guid id, HttpContext http, EffectivenessDecision decision, ILifecycles lifecycles, IWorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var read = await JsonBody.ReadAsync<DecisionBody>(http.Request, 16 * 1024, ct);
        if (read.Problem is not null) return read.Problem;
        var body = read.Value!;
        return await decision.DecideAsync(id, body.Verdict, body.Note, body.Version, http.User.ToCaller(), ct) switch
        {
            ActionOutcome.Done done => TypedResults.Ok(await WorkItemBody.OfAsync(done.Item, lifecycles, calendars, clock.GetUtcNow())),
            ActionOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item."),
            ActionOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only a CSM or an admin decides a fix's effectiveness."),
            ActionOutcome.Invalid invalid => Results.ValidationProblem(invalid.Errors,
                statusCode: invalid.Errors.ContainsKey("version") ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity),
            ActionOutcome.NotAllowed n => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "No decision awaits: only a resolved item whose effectiveness check stayed inconclusive is decided by a CSM.",
                extensions: new Dictionary<string, object?> { ["state"] = n.State }),
            ActionOutcome.Stale s => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The item changed since you read it; read it again and retry.",
                extensions: new Dictionary<string, object?> { ["state"] = s.State, ["version"] = s.Version }),
            var other => throw new InvalidOperationException($"Unknown outcome {other}."),
        };
    }
}
