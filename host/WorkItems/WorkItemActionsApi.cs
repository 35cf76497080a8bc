using Microsoft.EntityFrameworkCore;
using Routing.Engine.Departments;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

/// POST /api/work-items/{id}/{action} with { note, version }.
internal static class WorkItemActionsApi
{
    public sealed record ActionBody(string? Note, int? Version);

    const int MaxBodyBytes = 64 * 1024;

    public static async Task<IResult> ActAsync(
        Guid id, string action, HttpContext http, WorkItemActionService service, RoutingDb db,
        IDepartmentDirectory departments, CancellationToken ct)
    {
        if (!WorkItemActions.TryParse(action, out _))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                title: $"No such action. Actions: {string.Join(", ", WorkItemActions.Names)}.");

        var department = await db.WorkItems.Where(w => w.Id == id).Select(w => w.Department).FirstOrDefaultAsync(ct);
        if (department is null || !http.User.CanSee(department))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.");
        if (!http.User.CanAct(department, departments))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "You may not act on this department's items.");

        var read = await JsonBody.ReadAsync<ActionBody>(http.Request, MaxBodyBytes, ct);
        if (read.Problem is not null) return read.Problem;
        var body = read.Value!;
        var errors = new Dictionary<string, string[]>();
        if (body.Version is null) errors["version"] = ["is required: send the version you last read."];
        if (WorkItemActions.NoteProblem(action, body.Note) is { } noteProblem) errors["note"] = [noteProblem];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var outcome = await service.ActAsync(id, action, body.Note, body.Version!.Value, Actor.Of(http), ct);
        return outcome switch
        {
            ActionOutcome.Done done => TypedResults.Ok(WorkItemView.ToBody(done.Item)),
            ActionOutcome.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item."),
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
