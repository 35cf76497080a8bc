using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Reports;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// Dry runs: what a version would do with a report, or with the stored reports of a
/// period. Nothing is stored.
internal sealed class RulesetSimulator(
    RoutingDb db, ActiveRuleset active, RulesetCache cache, IOptions<RulesOptions> options, ILogger<RulesetSimulator> log)
{
    public const int MaxReplayed = 50_000;

    public sealed record ReplayChange(Guid ReportId, DateTimeOffset ReceivedAt, IReadOnlyList<string> Current, IReadOnlyList<string> Proposed);
    public sealed record Replay(int Version, DateTimeOffset From, DateTimeOffset To, int Reports, bool Truncated, IReadOnlyList<ReplayChange> Changes);

    /// The version to simulate with (the active one when null); null when no such version is stored.
    public async Task<CompiledRuleset?> RulesetAsync(int? version) =>
        version is { } v ? await cache.GetAsync(v) : active.Current;

    /// The request's token: a client that goes away stops the wait for the rules.
    public async Task<Evaluation> SimulateAsync(CompiledRuleset ruleset, Report report, CancellationToken ct) =>
        await ruleset.EvaluateAsync(ReportFacts.From(report), log, ct, options.Value.EvaluationBudget);

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
        return new Replay(ruleset.Version, from, to, Math.Min(reports.Count, MaxReplayed), truncated, changes);
    }
}
