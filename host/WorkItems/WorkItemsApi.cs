using Routing.Host.Access;

namespace Routing.Host.WorkItems;

internal static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/work-items").WithTags("Work items");
        group.MapGet("/{id:guid}", WorkItemQuery.GetAsync).RequireAuthorization(Policies.Read);
        group.MapGet("/{id:guid}/timeline", TimelineQuery.GetAsync).RequireAuthorization(Policies.Read);
        group.MapEffectiveness();
        group.MapPost("/{id:guid}/{action}", WorkItemActionsApi.ActAsync).RequireAuthorization(Policies.Act);
        app.MapWorkItemRecords();
        return app;
    }
}
