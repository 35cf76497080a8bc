using Routing.Engine.Calendars;
using Routing.Engine.Effectiveness;
using Routing.Engine.Lifecycles;
using Routing.Host.Access;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// POST /api/work-items/{id}/{action} with { note, version, fields, effectiveness }: the body handed to
/// WorkItemActionService.ActAsync, its outcome translated to HTTP.
internal static class WorkItemActionsApi
{
    public sealed record ActionBody(
        string? Note, int? Version, Dictionary<string, System.Text.Json.JsonElement>? Fields, EffectivenessChoice? Effectiveness);

    const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> ActAsync(Guid id, string action, HttpContext http, WorkItemActionService service, ILifecycles lifecycles,
        IWorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var read = await JsonBody.ReadAsync<ActionBody>(http.Request, MaxBodyBytes, ct);
        if (read.Problem is not null) return read.Problem;
        var body = read.Value!;

        var outcome = await service.ActAsync(new ActOnWorkItem(id, action, body.Note, body.Version, Fields: body.Fields, Effectiveness: body.Effectiveness), http.User.ToCaller(), ct);
        return outcome switch
        {
            ActionOutcome.Done done => TypedResults.Ok(await WorkItemBody.OfAsync(done.Item, lifecycles, calendars, clock.GetUtcNow())),
            ActionOutcome.UnknownAction u => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: $"No such action. Actions: {string.Join(", ", u.Actions)}."),
            ActionOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item."),
            ActionOutcome.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not take this action on this department's items."),
            // No version is the client's mistake (400); a missing note is the person's input (422).
            ActionOutcome.Invalid invalid => Results.ValidationProblem(invalid.Errors,
                statusCode: invalid.Errors.ContainsKey("version") ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity),
            ActionOutcome.NotAllowed n => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: $"'{action}' is not allowed while the item is {n.State}.",
                extensions: new Dictionary<string, object?> { ["state"] = n.State.ToString(), ["allowedActions"] = n.AllowedActions }),
            ActionOutcome.Stale s => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The item changed since you read it; read it again and retry.",
                extensions: new Dictionary<string, object?> { ["state"] = s.State.ToString(), ["version"] = s.Version }),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
    }
}
