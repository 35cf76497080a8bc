using Hangfire;
using Hangfire.Storage;
using Routing.Engine.Patterns;
using Routing.Engine.Store;

namespace Routing.Host.Patterns;

/// The scans nobody asks for: after imports (a check every 15 seconds for an import that waits,
/// ImportsToScan) and daily. One at a time across hosts: a scan holds a Hangfire distributed
/// lock, and a job that finds it held does nothing, since the running scan is the one it would
/// have made (an import that ended after that scan began is found waiting by a later check).
/// Scans asked for through the API do not take the lock: they answer when done, whatever runs.
internal sealed class PatternScanJobs(PatternScan scan, ImportsToScan imports, RoutingDb db, JobStorage storage, ILogger<PatternScanJobs> log)
{
    public const string AfterImportJobId = "patterns-after-import", DailyJobId = "patterns-daily";
    public const string AfterImportCron = "*/15 * * * * *";
    public const string AfterImportActor = "system:scan-after-import", DailyActor = "system:daily-scan";
    const string LockName = "routing:patterns-scan";

    /// A check missed is made again 15 seconds later: no retries.
    [AutomaticRetry(Attempts = 0)]
    public async Task ScanAfterImportAsync(CancellationToken ct)
    {
        using var held = TryLock();
        if (held is null || await imports.WaitingAsync(db, ct) is not { } upTo) return;
        log.LogInformation("Scanning for patterns after imports that ended by {UpTo:O}", upTo);
        await scan.ScanAsync(AfterImportActor, ct);
        imports.Scanned(upTo);
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task ScanDailyAsync(CancellationToken ct)
    {
        using var held = TryLock();
        if (held is null) return;
        await scan.ScanAsync(DailyActor, ct);
    }

    /// The lock and its connection, or null (and a log line) when another scan holds it.
    IDisposable? TryLock()
    {
        var connection = storage.GetConnection();
        try
        {
            var @lock = connection.AcquireDistributedLock(LockName, TimeSpan.Zero);
            return new Held(@lock, connection);
        }
        catch (Exception e) when (e is DistributedLockTimeoutException || e.GetType().Name.EndsWith("DistributedLockException", StringComparison.Ordinal))
        {
            connection.Dispose();
            log.LogInformation("A pattern scan is running already (this host or another); this one is not needed");
            return null;
        }
    }

    sealed class Held(IDisposable @lock, IStorageConnection connection) : IDisposable
    {
        public void Dispose()
        {
            @lock.Dispose();
            connection.Dispose();
        }
    }
}
