using System.Xml;
using Routing.Engine.Reports;
using Routing.Rules.Rulesets;

namespace Routing.Host.Rules;

/// Dry runs of a ruleset version: one report (simulate) or a period of stored reports (replay).
internal static class RulesSimulationApi
{
    public sealed record SimulationBody(ReportSubmission? Report, int? Version);
    /// `Reason`: the SuccessEvent of the rules that routed there; null when none has one.
    public sealed record SimulatedRoute(string Department, string Priority, string AckWithin, string ResolveWithin, IReadOnlyList<string> MatchedRules,
        string? Reason);
    public sealed record Simulation(int Version, IReadOnlyList<SimulatedRoute> Routes, IReadOnlyList<string> Notify, IReadOnlyList<RuleOutcome> Rules);

    public static async Task<IResult> SimulateAsync(HttpRequest request, RulesetSimulator simulator, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SimulationBody>(request, JsonBody.ReportMaxBytes, ct);
        if (body.Problem is not null) return body.Problem;
        return await simulator.SimulateAsync(body.Value!.Report, body.Value.Version, ct) switch
        {
            SimulationOutcome.Done done => TypedResults.Ok(new Simulation(done.Version,
                [.. done.Evaluation.Decision.Routes.Select(Simulated)], done.Evaluation.Decision.Notify, done.Evaluation.Rules)),
            SimulationOutcome.NoReport => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["report"] = ["is required."] }),
            SimulationOutcome.Invalid invalid => Results.ValidationProblem(invalid.Errors,
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "The report is not a valid verified pattern."),
            _ => RulesApi.NoSuchVersion(),
        };
    }

    public static async Task<IResult> ReplayAsync(int version, string? from, string? to, RulesetSimulator simulator, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (QueryTime.Period(from, to, errors) is not var (start, end)) return TypedResults.ValidationProblem(errors);

        if (await simulator.RulesetAsync(version) is not { } ruleset) return RulesApi.NoSuchVersion();
        return TypedResults.Ok(await simulator.ReplayAsync(ruleset, start, end, ct));
    }

    static SimulatedRoute Simulated(Routing.Engine.Intake.Route r) => new(r.Department, r.Priority,
        XmlConvert.ToString(r.AckWithin), XmlConvert.ToString(r.ResolveWithin), r.MatchedRules, r.Reason);
}
