using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

internal static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItems(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/work-items").WithTags("Work items");
        group.MapGet("/{id:guid}", WorkItemView.GetAsync);
        group.MapGet("/{id:guid}/timeline", TimelineView.GetAsync);
        group.MapPost("/{id:guid}/{action}", WorkItemActionsApi.ActAsync);
        app.MapGet("/api/workflows/work-item/graph", Graph).WithTags("Workflows");
        return app;
    }

    static IResult Graph(string? format) => format switch
    {
        null or "mermaid" => TypedResults.Text(WorkItemLifecycle.Graph("mermaid"), "text/plain"),
        "dot" => TypedResults.Text(WorkItemLifecycle.Graph("dot"), "text/vnd.graphviz"),
        _ => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be mermaid or dot."] }),
    };
}
