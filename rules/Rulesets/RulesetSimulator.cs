using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Intake;
using Routing.Engine.Reports;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// Dry runs: what a version would do with a report, or with the stored reports of a
/// period. Nothing is stored.
internal sealed class RulesetSimulator(
    RoutingDb db, ActiveRuleset active, RulesetCache cache, IOptions<RulesOptions> options, ReportValidator validator,
    DueTimesRecompute dueTimes, TimeProvider clock, ILogger<RulesetSimulator> log)
{
    public const int MaxReplayed = 50_000;

    public sealed record ReplayChange(Guid ReportId, DateTimeOffset ReceivedAt, IReadOnlyList<string> Current, IReadOnlyList<string> Proposed);
    /// `DueTimes`: for a version other than the active one, how publishing it would move open items' due times.
    public sealed record Replay(int Version, DateTimeOffset From, DateTimeOffset To, int Reports, bool Truncated, IReadOnlyList<ReplayChange> Changes,
        DueTimeShifts? DueTimes = null);

    /// The version to simulate with (the active one when null); null when no such version is stored.
    public async Task<CompiledRuleset?> RulesetAsync(int? version) =>
        version is { } v ? await cache.GetAsync(v) : active.Current;

    /// Simulate, the one operation behind the API and the console: the report checked, the
    /// version picked (the active one when null), the rules run. The request's token: a client
    /// that goes away stops the wait for the rules.
    public async Task<SimulationOutcome> SimulateAsync(ReportSubmission? submission, int? version, CancellationToken ct)
    {
        if (Refusal(submission, validator) is { } refused) return refused;
        if (await RulesetAsync(version) is not { } ruleset) return new SimulationOutcome.NoSuchVersion();
        return await RunAsync(ruleset, submission!, clock, log, ct, options.Value.EvaluationBudget);
    }

    /// The same simulation offline (the CLI, with rules from files and no store).
    public static Task<SimulationOutcome> SimulateAsync(CompiledRuleset ruleset, ReportSubmission? submission, TimeProvider clock, ILogger log) =>
        Refusal(submission, new ReportValidator(clock)) is { } refused
            ? Task.FromResult(refused)
            : RunAsync(ruleset, submission!, clock, log, CancellationToken.None, budget: null);

    static SimulationOutcome? Refusal(ReportSubmission? submission, ReportValidator validator) =>
        submission is null ? new SimulationOutcome.NoReport()
        : validator.Validate(submission) is { Count: > 0 } errors
            ? new SimulationOutcome.Invalid(errors.ToDictionary(e => $"report.{e.Key}", e => e.Value))
        : null;

    static async Task<SimulationOutcome> RunAsync(CompiledRuleset ruleset, ReportSubmission submission, TimeProvider clock,
        ILogger log, CancellationToken ct, TimeSpan? budget) =>
        new SimulationOutcome.Done(ruleset.Version,
            await ruleset.EvaluateAsync(ReportFacts.From(ReportFactory.Create(submission, clock.GetUtcNow())), log, ct, budget));

    /// Routes the reports received in [from, to) with the version and lists those whose departments would change.
    public async Task<Replay> ReplayAsync(CompiledRuleset ruleset, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var reports = await db.Reports.AsNoTracking()
            .Where(r => r.ReceivedAt >= from && r.ReceivedAt < to)
            .OrderBy(r => r.ReceivedAt).Take(MaxReplayed + 1)
            .ToListAsync(ct);
        var truncated = reports.Count > MaxReplayed;
        var changes = new List<ReplayChange>();
        foreach (var report in reports.Take(MaxReplayed))
        {
            var proposed = (await ruleset.RouteAsync(ReportFacts.From(report), log, ct, options.Value.EvaluationBudget)).Routes
                .Select(r => r.Department).Distinct().Order(StringComparer.Ordinal).ToList();
            var current = report.RoutedTo.Distinct().Order(StringComparer.Ordinal).ToList();
            if (!current.SequenceEqual(proposed))
                changes.Add(new(report.Id, report.ReceivedAt, current, proposed));
        }
        var activeRuleset = active.Current;
        var moves = ruleset.Version == activeRuleset.Version ? null : await dueTimes.PreviewAsync(activeRuleset, ruleset, clock.GetUtcNow(), ct);
        return new Replay(ruleset.Version, from, to, Math.Min(reports.Count, MaxReplayed), truncated, changes, moves);
    }
}
