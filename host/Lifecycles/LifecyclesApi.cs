using Routing.Engine.Lifecycles;
using Routing.Host.Access;
using Routing.Rules.Rulesets;
using Routing.Workflows.WorkItems;
using Routing.Host.OpenApi;

namespace Routing.Host.Lifecycles;

/// GET /api/lifecycles and their drawings: the lifecycles of the active ruleset version (or of
/// `version`), each with the departments that follow it. Every role reads them: a head sees how
/// their items move, a CSM what a department does with a pattern, an auditor what was required.
internal static class LifecyclesApi
{
    public sealed record LifecycleBody(int Version, IReadOnlyList<string> Departments, Lifecycle Lifecycle);

    public static IEndpointRouteBuilder MapLifecycles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/lifecycles").WithTags("Lifecycles").RequireAuthorization(Policies.Read);
        group.MapGet("", ListAsync)
            .WithName("listLifecycles")
            .WithSummary("The lifecycles of the active ruleset version (or of `version`), each with the departments that follow it")
            .Describes("version", "A ruleset version; the active one when not given.")
            .Produces<List<LifecycleBody>>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/graph", GraphAsync).Graph("getLifecycleGraph", "A lifecycle drawn as a state diagram (Mermaid or Graphviz DOT)");
        // Before lifecycles were data there was one, drawn here; it is the standard one.
        app.MapGet("/api/workflows/work-item/graph", (string? format, int? version, RulesetSimulator rulesets) =>
            GraphAsync(Lifecycle.Standard, format, version, rulesets)).WithTags("Lifecycles").RequireAuthorization(Policies.Read)
            .Graph("getStandardLifecycleGraph", "The standard lifecycle drawn as a state diagram (the address from before lifecycles were data)");
        return app;
    }

    static RouteHandlerBuilder Graph(this RouteHandlerBuilder endpoint, string name, string summary) => endpoint
        .WithName(name)
        .WithSummary(summary)
        .Takes("format", ["mermaid", "dot"], "mermaid (the default, text/plain) or dot (text/vnd.graphviz).")
        .Describes("version", "A ruleset version; the active one when not given.")
        .Produces<string>(StatusCodes.Status200OK, "text/plain", "text/vnd.graphviz")
        .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);

    static async Task<IResult> ListAsync(int? version, RulesetSimulator rulesets)
    {
        if (await rulesets.RulesetAsync(version) is not { } ruleset) return NoSuchVersion(version);
        return TypedResults.Ok(ruleset.Lifecycles.Select(l => new LifecycleBody(ruleset.Version,
            [.. ruleset.Departments.Where(d => d.LifecycleId == l.Id).Select(d => d.Id)], l)).ToList());
    }

    static async Task<IResult> GraphAsync(string id, string? format, int? version, RulesetSimulator rulesets)
    {
        if (format is not (null or "mermaid" or "dot"))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["must be mermaid or dot."] });
        if (await rulesets.RulesetAsync(version) is not { } ruleset) return NoSuchVersion(version);
        if (ruleset.Lifecycles.FirstOrDefault(l => l.Id == id) is not { } lifecycle)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No lifecycle '{id}' in ruleset v{ruleset.Version}.");
        return format == "dot"
            ? TypedResults.Text(LifecycleMachine.Graph(lifecycle, "dot"), "text/vnd.graphviz")
            : TypedResults.Text(LifecycleMachine.Graph(lifecycle, "mermaid"), "text/plain");
    }

    static IResult NoSuchVersion(int? version) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No ruleset version {version}.");
}
