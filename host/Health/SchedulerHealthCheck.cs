using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Routing.Workflows.Timers;

namespace Routing.Host.Health;

/// Healthy when this process's Hangfire server has announced itself and beats: it fires the
/// timers and delivers the notifications. A host with the clock off (Routing:Clock:Enabled=false)
/// runs none, by choice, and is ready without it.
internal sealed class SchedulerHealthCheck(IOptions<SchedulerOptions> options, JobStorage storage) : IHealthCheck
{
    /// Hangfire beats every 30 s; two missed beats is a server that stalled.
    static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

    /// The start of this process's Hangfire server ids (RoutingSchedulerExtensions names the server after the machine).
    public static string ServerPrefix => $"{Environment.MachineName}:{Environment.ProcessId}:".ToLowerInvariant();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        if (!options.Value.Enabled) return Task.FromResult(HealthCheckResult.Healthy("off on this host"));
        // Hangfire's heartbeats are wall-clock UTC, whatever clock the domain runs on.
        var now = DateTime.UtcNow;
        bool beating;
        try
        {
            beating = storage.GetMonitoringApi().Servers()
                .Any(s => s.Name.StartsWith(ServerPrefix, StringComparison.Ordinal) && s.Heartbeat is { } beat && now - beat < Stale);
        }
        catch (Exception)
        {
            // Not the exception: its text (a host, a user, "password authentication failed") would be shown to anyone.
            return Task.FromResult(HealthCheckResult.Unhealthy("The scheduler's storage does not answer."));
        }
        return Task.FromResult(beating ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("This host's Hangfire server has not announced itself or stopped beating."));
    }
}
