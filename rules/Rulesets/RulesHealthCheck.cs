using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Rules.Rulesets;

/// Healthy once the active ruleset is compiled: before that, a report could not be routed.
internal sealed class RulesHealthCheck(ActiveRuleset active) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(active.IsLoaded ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("No ruleset is compiled yet."));
}
