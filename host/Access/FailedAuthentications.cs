using Routing.Engine.Access;

namespace Routing.Host.Access;

/// Throttles clients that keep presenting bad keys or sessions, for the API and the console's
/// sign-in alike: within a window a client's first `Limit` failures are answered as usual and
/// each is written to history; later ones are answered 429 and counted, and the count is written
/// as one event when the window ends (found by the next failure, a flush every window, or stopping).
/// A fixed window on the injected clock, per client address and per host.
internal sealed class FailedAuthentications(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FailedAuthentications> log)
    : BackgroundService
{
    public const int Limit = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    const string RetryAfterItem = "routing.auth.retry-after";

    sealed record Tally(string Client, DateTimeOffset Start)
    {
        public int Failures { get; set; }
    }

    readonly Dictionary<string, Tally> clients = [];
    readonly Lock gate = new();

    /// Counts a failure of this request's client and records it; returns how long the client
    /// must wait when it is over the limit (null when within it).
    public async Task<TimeSpan?> RecordAsync(HttpContext http, string reason)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var now = clock.GetUtcNow();
        Tally tally;
        int failures;
        List<Tally> ended;
        lock (gate)
        {
            ended = TakeEnded(now, all: false);
            if (!clients.TryGetValue(client, out tally!)) clients[client] = tally = new(client, now);
            failures = ++tally.Failures;
        }
        await WriteAsync(ended, http.RequestAborted);
        if (failures <= Limit)
        {
            await WithKeysAsync(keys => keys.RecordFailedAuthenticationAsync(client, reason, http.RequestAborted));
            return null;
        }
        var wait = tally.Start + Window - now;
        http.Items[RetryAfterItem] = wait;
        return wait;
    }

    /// How long this request's client must wait, when RecordAsync found it over the limit.
    public static TimeSpan? RetryAfter(HttpContext http) => http.Items.TryGetValue(RetryAfterItem, out var wait) ? (TimeSpan?)wait : null;

    /// Retry-After in whole seconds, rounded up.
    public static string Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString();

    /// Writes the counts of the windows that have ended (or all, when stopping).
    public async Task FlushAsync(bool all, CancellationToken ct)
    {
        List<Tally> ended;
        lock (gate) ended = TakeEnded(clock.GetUtcNow(), all);
        await WriteAsync(ended, ct);
    }

    List<Tally> TakeEnded(DateTimeOffset now, bool all)
    {
        var ended = clients.Values.Where(t => all || t.Start + Window <= now).ToList();
        foreach (var t in ended) clients.Remove(t.Client);
        return [.. ended.Where(t => t.Failures > Limit)];
    }

    Task WriteAsync(List<Tally> ended, CancellationToken ct) => ended.Count == 0 ? Task.CompletedTask : WithKeysAsync(async keys =>
    {
        foreach (var t in ended) await keys.RecordThrottledAsync(t.Client, t.Failures - Limit, t.Start, t.Start + Window, ct);
    });

    async Task WithKeysAsync(Func<ApiKeyService, Task> write)
    {
        await using var scope = scopes.CreateAsyncScope();
        await write(scope.ServiceProvider.GetRequiredService<ApiKeyService>());
    }

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(Window, clock);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try { await FlushAsync(all: false, stop); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Could not record throttled authentications; will retry"); }
        }
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        await base.StopAsync(ct);
        try { await FlushAsync(all: true, ct); }
        catch (Exception e) { log.LogWarning(e, "Could not record throttled authentications while stopping"); }
    }
}
