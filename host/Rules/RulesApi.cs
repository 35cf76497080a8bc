using System.Text.Json;
using Routing.Host.Access;
using Routing.Rules.Rulesets;
using Routing.Host.OpenApi;

namespace Routing.Host.Rules;

/// Admins edit routing as versioned RulesEngine JSON: draft, diff, simulate, publish, roll back.
internal static class RulesApi
{
    /// `$schema`: the ruleset schema's address an editor put there (GET /api/rules/schema); ignored.
    public sealed record DraftBody(JsonElement? Workflows, JsonElement? Departments, JsonElement? Lifecycles = null, JsonElement? Calendars = null,
        [property: System.Text.Json.Serialization.JsonPropertyName("$schema")] string? Schema = null);
    public sealed record Drafted(int Version);

    const int MaxRulesetBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapRules(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rules").WithTags("Rules");
        group.MapPost("/simulate", RulesSimulationApi.SimulateAsync).RequireAuthorization(Policies.Simulate)
            .WithName("simulateReport")
            .WithSummary("Where a report would be routed, by the active ruleset version or another; nothing is stored")
            .WithDescription("Answers the routes (department, priority, due periods as ISO 8601 durations, matched rules), who would be " +
                             "notified, and every rule's outcome. An invalid report is a 422 naming its fields, as on submit.")
            .TakesJson<RulesSimulationApi.SimulationBody>("The report as it would be submitted, and optionally the ruleset version to route it by.")
            .Produces<RulesSimulationApi.Simulation>()
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        // Any role, as every operation of the API takes a key; it says nothing secret. Editors without a key
        // use rules/ruleset.schema.json, the same document.
        group.MapGet("/schema", () => TypedResults.Text(RulesetSchema.Text.Value, "application/schema+json"))
            .RequireAuthorization(Policies.Read)
            .Produces<JsonElement>(StatusCodes.Status200OK, "application/schema+json")
            .WithName("getRulesetSchema")
            .WithSummary("The JSON Schema (draft 2020-12) of a ruleset: a draft's body, and under $defs each file of rules/")
            .WithDescription("Generated from the types the server reads a ruleset with; rules/ruleset.schema.json is the same document. " +
                             "The server checks more than the schema says (expressions, names that must exist), never less.");
        group = group.MapGroup("").RequireAuthorization(Policies.Administer);
        group.MapGet("/", async (RulesetAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.GetAsync(null, ct)))
            .WithName("getActiveRuleset")
            .WithSummary("The active ruleset version as JSON you can edit and send back as a draft: workflows, departments, lifecycles");
        group.MapGet("/versions", async (RulesetAdmin admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct)))
            .WithName("listRulesetVersions")
            .WithSummary("Every ruleset version: drafts, the active one, those published before");
        group.MapGet("/versions/{version:int}", async (int version, RulesetAdmin admin, CancellationToken ct) =>
            await admin.GetAsync(version, ct) is { } view ? TypedResults.Ok(view) : NoSuchVersion())
            .WithName("getRulesetVersion")
            .WithSummary("One ruleset version")
            .Produces<RulesetDetails>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapGet("/versions/{version:int}/diff", async (int version, int? against, RulesetAdmin admin, CancellationToken ct) =>
            await admin.DiffAsync(version, against, ct) is { } diff ? TypedResults.Ok(diff) : NoSuchVersion())
            .WithName("diffRulesetVersion")
            .WithSummary("What a version changes: rules and departments added, removed and changed, against the active version or `against`")
            .WithDescription("Against the active version, `dueTimes` says how publishing would move the due times of open items whose " +
                             "department's calendar changes: how many, and the signed shifts (ISO 8601, `-PT2H` earlier) from the one " +
                             "moved most earlier to the one moved most later, by department. Left out against another version.")
            .Describes("against", "The version to compare with; the active one when not given.")
            .Produces<RulesetDiff>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapPost("/versions", DraftAsync)
            .WithName("draftRuleset")
            .WithSummary("Stores a ruleset as a new draft version, once every rule is valid")
            .WithDescription("Workflows are RulesEngine JSON (see the rules README). A 422 names each bad rule, under `errors` by rule " +
                             "and as a list of `ruleErrors` ({ rule, message }); nothing is stored then.")
            .TakesJson<DraftBody>("The workflows, the departments, and optionally the lifecycles and the calendars (the active version's when left out).")
            .Produces<Drafted>(StatusCodes.Status201Created)
            .RefusesWith(StatusCodes.Status422UnprocessableEntity, "RulesetProblem", "The ruleset is not valid; nothing was stored.",
                ApiProblems.RuleErrorsMembers(), validation: true);
        group.MapPost("/expressions/check", RuleExpressionCheck.CheckAsync)
            .WithName("checkRuleExpression")
            .WithSummary("Whether one rule's expression would be accepted in a draft; nothing is stored")
            .WithDescription("The checks a draft makes of each expression: it may read only the report's fields (`report.Category`, " +
                             "`report.Segment.Region`…) with simple string, number and collection operations, at a bounded cost, and must " +
                             "compile as a condition (true or false). `ok: false` says why not and, when the parser names it, the `column` " +
                             "(1-based) it stopped at. Names from GlobalParams or LocalParams are unknown here: a draft checks those.")
            .TakesJson<RuleExpressionCheck.ExpressionBody>("The expression, as a rule's `Expression` has it.")
            .Produces<RuleExpressionCheck.ExpressionChecked>()
            .Refuses(StatusCodes.Status400BadRequest);
        group.MapPost("/versions/{version:int}/publish", async (int version, HttpContext http, RulesetAdmin admin, CancellationToken ct) =>
            await admin.PublishAsync(version, Actor.Of(http), ct) is { } published ? TypedResults.Ok(published) : NoSuchVersion())
            .WithName("publishRulesetVersion")
            .WithSummary("Makes a version the active one; publishing an older version rolls back")
            .WithDescription("Every host routes new reports with it within a few seconds. Items already routed keep the version that routed them, " +
                             "except their calendar: the open items whose department's calendar it changes have their due times and timers " +
                             "counted again on the new one, from the time each had left (`dueTimesMoved` says how many moved). Takes no body.")
            .Produces<Published>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapPost("/versions/{version:int}/replay", RulesSimulationApi.ReplayAsync)
            .WithName("replayRulesetVersion")
            .WithSummary("Routes the reports received in a period again with a version, and lists those that would go elsewhere")
            .WithDescription("A dry run over stored reports; nothing is changed. Takes no body. For a version other than the active one, " +
                             "`dueTimes` says how publishing it would move the due times of open items whose calendar it changes.")
            .Needs("from", "The start of the period (ISO 8601).")
            .Needs("to", "The end of the period (ISO 8601).")
            .Produces<RulesetSimulator.Replay>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
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
        if (body.Value.Calendars is not (null or { ValueKind: JsonValueKind.Array })) missing.Add(new("calendars", "must be an array of calendars (or absent: the active version's)."));
        if (missing.Count > 0) return Invalid(missing);

        var (version, errors) = await admin.DraftAsync(
            body.Value.Workflows!.Value.GetRawText(), body.Value.Departments!.Value.GetRawText(), body.Value.Lifecycles?.GetRawText(),
            Actor.Of(request.HttpContext), ct, body.Value.Calendars?.GetRawText());
        return version is { } v ? TypedResults.Created($"/api/rules/versions/{v}", new Drafted(v)) : Invalid(errors);
    }

    /// 422 with the errors keyed by rule (as ValidationProblem does for fields) and as a list of { rule, message }.
    public static IResult Invalid(IReadOnlyList<RuleError> errors) => TypedResults.Problem(new Microsoft.AspNetCore.Http.HttpValidationProblemDetails(
        errors.GroupBy(e => e.Rule).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "The ruleset is not valid; nothing was stored.",
        Extensions = { ["ruleErrors"] = errors },
    });
}
