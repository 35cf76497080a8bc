using System.Text.Json;
using Routing.Host.Access;
using Routing.Rules.Rulesets;

namespace Routing.Host.Rules;

/// Admins edit routing as versioned RulesEngine JSON: draft, diff, simulate, publish, roll back.
internal static class RulesApi
{
    public sealed record DraftBody(JsonElement? Workflows, JsonElement? Departments, JsonElement? Lifecycles = null);
    public sealed record Drafted(int Version);

    const int MaxRulesetBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rules").WithTags("Rules");
        group.MapPost("/simulate", RulesSimulationApi.SimulateAsync).RequireAuthorization(Policies.Simulate);
        group = group.MapGroup("").RequireAuthorization(Policies.Administer);
        group.MapGet("/", async (RulesetAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.GetAsync(null, ct)));
        group.MapGet("/versions", async (RulesetAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)));
        group.MapGet("/versions/{version:int}", async (int version, RulesetAdmin admin, CancellationToken ct) =>
            await admin.GetAsync(version, ct) is { } view ? TypedResults.Ok(view) : NoSuchVersion());
        group.MapGet("/versions/{version:int}/diff", async (int version, int? against, RulesetAdmin admin, CancellationToken ct) =>
            await admin.DiffAsync(version, against, ct) is { } diff ? TypedResults.Ok(diff) : NoSuchVersion());
        group.MapPost("/versions", DraftAsync);
        group.MapPost("/versions/{version:int}/publish", async (int version, HttpContext http, RulesetAdmin admin, CancellationToken ct) =>
            await admin.PublishAsync(version, Actor.Of(http), ct) is { } published ? TypedResults.Ok(published) : NoSuchVersion());
        group.MapPost("/versions/{version:int}/replay", RulesSimulationApi.ReplayAsync);
        return app;
    }

    public static IResult NoSuchVersion() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such ruleset version.");

    static async Task<IResult> DraftAsync(HttpRequest request, RulesetAdmin admin, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<DraftBody>(request, MaxRulesetBytes, ct);
        if (body.Problem is not null) return body.Problem;

        List<RuleError> missing = [];
        if (body.Value!.Workflows is not { ValueKind: JsonValueKind.Array }) missing.Add(new("workflows", "must be an array of RulesEngine workflows."));
        if (body.Value.Departments is not { ValueKind: JsonValueKind.Array }) missing.Add(new("departments", "must be an array of departments."));
        if (body.Value.Lifecycles is not (null or { ValueKind: JsonValueKind.Array })) missing.Add(new("lifecycles", "must be an array of lifecycles (or absent: the active version's)."));
        if (missing.Count > 0) return Invalid(missing);

        var (version, errors) = await admin.DraftAsync(
            body.Value.Workflows!.Value.GetRawText(), body.Value.Departments!.Value.GetRawText(), body.Value.Lifecycles?.GetRawText(),
            Actor.Of(request.HttpContext), ct);
        return version is { } v ? TypedResults.Created($"/api/rules/versions/{v}", new Drafted(v)) : Invalid(errors);
    }

    /// 422 with the errors keyed by rule (as ValidationProblem does for fields) and as a list of { rule, message }.
    static IResult Invalid(IReadOnlyList<RuleError> errors) => TypedResults.Problem(new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(
        errors.GroupBy(e => e.Rule).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The ruleset is not valid; nothing was stored.",
        Extensions = { ["ruleErrors"] = errors },
    });
}
