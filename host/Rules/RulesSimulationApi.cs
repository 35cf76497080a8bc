using System.Xml;
using Routing.Engine.Intake;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Host.Rules;

/// Dry runs of a ruleset version: one report (simulate) or a period of stored reports (replay).
internal static class RulesSimulationApi
{
    public sealed record SimulationBody(ReportSubmission? Report, int? Version);
    public sealed record SimulatedRoute(string Department, string Priority, string AckWithin, string ResolveWithin, IReadOnlyList<string> MatchedRules);
    public sealed record Simulation(int Version, IReadOnlyList<SimulatedRoute> Routes, IReadOnlyList<string> Notify, IReadOnlyList<RuleOutcome> Rules);

    public static async Task<IResult> SimulateAsync(
        HttpRequest request, RulesetSimulator simulator, ReportValidator validator, TimeProvider clock, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SimulationBody>(request, JsonBody.ReportMaxBytes, ct);
        if (body.Problem is not null) return body.Problem;
        if (body.Value!.Report is not { } submission)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = ["is required."] });
        var errors = validator.Validate(submission);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors.ToDictionary(e => $"report.{e.Key}", e => e.Value),
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "The report is not a valid verified pattern.");

        if (await simulator.RulesetAsync(body.Value.Version) is not { } ruleset) return RulesApi.NoSuchVersion();
        var evaluation = await simulator.SimulateAsync(ruleset, ReportFactory.Create(submission, clock.GetUtcNow()), ct);
        return TypedResults.Ok(new Simulation(ruleset.Version,
            [.. evaluation.Decision.Routes.Select(Simulated)], evaluation.Decision.Notify, evaluation.Rules));
    }

    public static async Task<IResult> ReplayAsync(int version, string? from, string? to, RulesetSimulator simulator, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (QueryTime.Period(from, to, errors) is not var (start, end)) return TypedResults.ValidationProblem(errors);

        if (await simulator.RulesetAsync(version) is not { } ruleset) return RulesApi.NoSuchVersion();
        return TypedResults.Ok(await simulator.ReplayAsync(ruleset, start, end, ct));
    }

    static SimulatedRoute Simulated(Routing.Engine.Intake.Route r) => new(r.Department, r.Priority,
        XmlConvert.ToString(r.AckWithin), XmlConvert.ToString(r.ResolveWithin), r.MatchedRules);
}
