using Routing.Workflows.WorkItems;

namespace Routing.Host.WorkItems;

internal static class WorkItemsApi
{
    public static IEndpointRouteBuilder MapWorkItems(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/work-items").WithTags("Work items")
            .MapGet("/{id:guid}", WorkItemView.GetAsync);
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
