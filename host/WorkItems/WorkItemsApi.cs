using Routing.Host.Access;
using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

internal static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/work-items").WithTags("Work items");
        group.MapGet("/{id:guid}", WorkItemQuery.GetAsync).RequireAuthorization(Policies.Read);
        group.MapGet("/{id:guid}/timeline", TimelineQuery.GetAsync).RequireAuthorization(Policies.Read);
        group.MapPost("/{id:guid}/{action}", WorkItemActionsApi.ActAsync).RequireAuthorization(Policies.Act);
        app.MapGet("/api/workflows/work-item/graph", Graph).WithTags("Workflows").RequireAuthorization(Policies.Read);
        return app;
    }

    static IResult Graph(string? format) => format switch
    {
        null or "mermaid" => TypedResults.Text(WorkItemLifecycle.Graph("mermaid"), "text/plain"),
        "dot" => TypedResults.Text(WorkItemLifecycle.Graph("dot"), "text/vnd.graphviz"),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be mermaid or dot."] }),
    };
}
