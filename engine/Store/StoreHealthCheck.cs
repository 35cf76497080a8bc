using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Routing.Engine.Store;

/// Healthy when the store answers a query.
internal sealed class StoreHealthCheck(RoutingDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The store does not answer.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("The store does not answer.", e);
        }
    }
}
