using Routing.Host.Access;
using Routing.Host.OpenApi;

namespace Routing.Host.WorkItems;

internal static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/work-items").WithTags("Work items");
        group.MapGet("/{id:guid}", WorkItemQuery.GetAsync).RequireAuthorization(Policies.Read)
            .WithName("getWorkItem")
            .WithSummary("A work item: its state, due times, the actions it offers now, and the fields it recorded")
            .Produces<WorkItemBody>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/timeline", TimelineQuery.GetAsync).RequireAuthorization(Policies.Read)
            .WithName("getWorkItemTimeline")
            .WithSummary("A work item's history, oldest first")
            .Produces<IReadOnlyList<History.HistoryEntryBody>>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapEffectiveness();
        group.MapPost("/{id:guid}/{action}", WorkItemActionsApi.ActAsync).RequireAuthorization(Policies.Act)
            .WithName("actOnWorkItem")
            .WithSummary("Takes an action on a work item (acknowledge, resolve, comment, …)")
            .WithDescription("The actions a work item offers depend on its lifecycle and state (its `actions` field lists them); " +
                             "`comment` is always offered. Send the `version` you last read: if the item changed since, the answer " +
                             "is a 409 and nothing is done. An action the lifecycle does not know is a 404; one not allowed in the " +
                             "item's state is a 409 naming the allowed ones. A missing note or field is a 422 naming it.")
            .TakesJson<WorkItemActionsApi.ActionBody>("The version last read, a note, the fields the action records, and (for an action that resolves) the effectiveness criterion.")
            .Produces<WorkItemBody>()
            .Refuses(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity)
            .RefusesWith(StatusCodes.Status409Conflict, "WorkItemConflict",
                "The action is not allowed in the item's state (allowedActions lists those that are), or the item changed since it was read (version).",
                ApiProblems.WorkItemConflictMembers());
        app.MapWorkItemRecords();
        return app;
    }
}
