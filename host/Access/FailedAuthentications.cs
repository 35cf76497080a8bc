using System.Threading.RateLimiting;
using Routing.Engine.Access;

namespace Routing.Host.Access;

/// Throttles clients that keep presenting bad keys: after `Limit` failures in a window
/// their failed attempts are answered 429 until the window ends. Each failure is in history.
internal sealed class FailedAuthentications : IDisposable
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    const string Throttled = "routing.auth.throttled";

    readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Limit,
            Window = Window,
            QueueLimit = 0,
        }));

    public async Task RecordAsync(HttpContext http, ApiKeyService keys)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var lease = limiter.AttemptAcquire(client);
        if (!lease.IsAcquired)
        {
            http.Items[Throttled] = true;
            return;
        }
        await keys.RecordFailedAuthenticationAsync(client, "unknown or revoked key", http.RequestAborted);
    }

    public bool IsThrottled(HttpContext http) => http.Items.ContainsKey(Throttled);

    public void Dispose() => limiter.Dispose();
}
