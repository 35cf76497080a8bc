using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Intake;
using Routing.Engine.Reports;
using Routing.Engine.Store;
using Routing.Engine.Telemetry;

namespace Routing.Rules.Rulesets;

/// The published ruleset this host routes with.
internal sealed class ActiveRuleset(RulesetCache cache, IOptions<RulesOptions> options, ILogger<ActiveRuleset> log)
    : IReportRouter, IDepartmentDirectory, IWorkingCalendars
{
    volatile CompiledRuleset? current;

    public CompiledRuleset Current => current ?? throw new InvalidOperationException("No ruleset is loaded yet.");

    /// Whether a ruleset is compiled (the host is ready to route).
    public bool IsLoaded => current is not null;

    /// Switches to the version published last, if it is not the one in use.
    public async Task RefreshAsync(RoutingDb db, CancellationToken ct)
    {
        var latest = await db.Publications.AsNoTracking()
            .OrderByDescending(p => p.Id)
            .Select(p => (int?)p.Version).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException("No ruleset has been published.");
        if (current?.Version == latest) return;
        current = await cache.GetAsync(latest) ?? throw new InvalidOperationException($"Ruleset v{latest} is missing.");
        log.LogInformation("Routing with ruleset v{Version}", latest);
    }

    public async Task<RoutingDecision> RouteAsync(ReportFacts report, CancellationToken ct)
    {
        var ruleset = Current;
        using var trace = RoutingTelemetry.Source.StartActivity("routing.rules.evaluate");
        trace?.SetTag(RoutingTelemetry.RulesetVersion, ruleset.Version);
        var decision = await ruleset.RouteAsync(report, log, ct, options.Value.EvaluationBudget);
        trace?.SetTag("routing.routes", string.Join(",", decision.Routes.Select(r => $"{r.Department}:{r.Priority}")))
            .SetTag("routing.rules.fired", string.Join(",", decision.FiredRules))
            .SetTag("routing.rules.failed", decision.RuleFailures.Count);
        return decision;
    }

    public IReadOnlyList<Department> All => Current.Departments;

    public Department? Find(string id) => Current.Departments.FirstOrDefault(d => d.Id == id);

    public int Version => Current.Version;

    public Calendar? Of(string department) => Current.CalendarOf(department);

    public async Task<Department?> FindAsync(int version, string id) =>
        (version == current?.Version ? current : await cache.GetAsync(version))?.Departments.FirstOrDefault(d => d.Id == id);
}
