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

    /// `HandedBackBy`: the departments this version would stop sending the report to that handed its item back
    /// as misrouted — the evidence that the change is a fix.
    public sealed record ReplayChange(Guid ReportId, DateTimeOffset ReceivedAt, IReadOnlyList<string> Current, IReadOnlyList<string> Proposed,
        IReadOnlyList<string> HandedBackBy);
    /// `DueTimes`: for a version other than the active one, how publishing it would move open items' due times.
    /// `HandedBack`: how many of the changes are away from a department that handed the report back.
    public sealed record Replay(int Version, DateTimeOffset From, DateTimeOffset To, int Reports, bool Truncated, IReadOnlyList<ReplayChange> Changes,
        int HandedBack, DueTimeShifts? DueTimes = null);

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
        var changed = new List<(Report Report, List<string> Current, List<string> Proposed)>();
        foreach (var report in reports.Take(MaxReplayed))
        {
            var proposed = (await ruleset.RouteAsync(ReportFacts.From(report), log, ct, options.Value.EvaluationBudget)).Routes
                .Select(r => r.Department).Distinct().Order(StringComparer.Ordinal).ToList();
            var current = report.RoutedTo.Distinct().Order(StringComparer.Ordinal).ToList();
            if (!current.SequenceEqual(proposed)) changed.Add((report, current, proposed));
        }
        var handedBack = await HandedBackAsync([.. changed.Select(c => c.Report.Id)], ct);
        var changes = changed.Select(c => new ReplayChange(c.Report.Id, c.Report.ReceivedAt, c.Current, c.Proposed,
            [.. handedBack[c.Report.Id].Where(d => c.Current.Contains(d) && !c.Proposed.Contains(d)).Distinct().Order(StringComparer.Ordinal)])).ToList();
        var activeRuleset = active.Current;
        var moves = ruleset.Version == activeRuleset.Version ? null : await dueTimes.PreviewAsync(activeRuleset, ruleset, clock.GetUtcNow(), ct);
        return new Replay(ruleset.Version, from, to, Math.Min(reports.Count, MaxReplayed), truncated, changes,
            changes.Count(c => c.HandedBackBy.Count > 0), moves);
    }

    /// The departments that handed each report's item back (an undone hand-back does not count), read a chunk of reports at a time.
    async Task<ILookup<Guid, string>> HandedBackAsync(List<Guid> reports, CancellationToken ct)
    {
        var found = new List<(Guid, string)>();
        foreach (var chunk in reports.Chunk(500))
            found.AddRange((await db.WorkItems.AsNoTracking()
                .Where(w => chunk.Contains(w.ReportId) && w.HandedBackAt != null)
                .Select(w => new { w.ReportId, w.Department }).ToListAsync(ct)).Select(w => (w.ReportId, w.Department)));
        return found.ToLookup(f => f.Item1, f => f.Item2);
    }
}
