using Microsoft.Extensions.Logging;
using Routing.Engine.Departments;
using Routing.Engine.Intake;
using Routing.Engine.Reports;

namespace Routing.Rules.Rulesets;

/// The published ruleset this host routes with, compiled once per version.
internal sealed class ActiveRuleset(ILogger<ActiveRuleset> log) : IReportRouter, IDepartmentDirectory
{
    CompiledRuleset? current;

    public CompiledRuleset Current => current ?? throw new InvalidOperationException("No ruleset is loaded yet.");

    public void Activate(CompiledRuleset ruleset)
    {
        current = ruleset;
        log.LogInformation("Routing with ruleset v{Version}", ruleset.Version);
    }

    public Task<RoutingDecision> RouteAsync(ReportFacts report, CancellationToken ct) => Current.EvaluateAsync(report, log);

    public IReadOnlyList<Department> All => Current.Departments;

    public Department? Find(string id) => Current.Departments.FirstOrDefault(d => d.Id == id);
}
