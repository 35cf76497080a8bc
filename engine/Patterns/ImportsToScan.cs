using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Store;

namespace Routing.Engine.Patterns;

/// Whether an import waits for its scan: one that stored something (complaints accepted, units
/// sold accepted or replacing a value), ended at least Routing:Patterns:ScanAfterImport ago,
/// and that no scan has counted (none began after it ended). Read from the history, where
/// every import leaves its event whichever way it came (the API, the console, the CLI, even
/// with the host stopped) and every scan its own: the store is the truth, Hangfire the clock.
/// Imports within the delay of the first wait together, so they make one scan.
/// One a host: it remembers up to when it has looked, so a check reads only the events since.
internal sealed class ImportsToScan(TimeProvider clock, IOptions<PatternOptions> options)
{
    /// How far back the first check of a host looks; older imports wait for the daily scan.
    public static readonly TimeSpan LookBack = TimeSpan.FromDays(1);

    readonly Lock gate = new();
    DateTimeOffset? lookedUntil;

    /// Null when no import waits; else the time to pass to Scanned once a scan has run.
    public async Task<DateTimeOffset?> WaitingAsync(RoutingDb db, CancellationToken ct)
    {
        var now = clock.Now();
        var due = now - options.Value.ScanAfterImport;
        DateTimeOffset from;
        lock (gate) from = lookedUntil ?? now - LookBack;
        if (due <= from) return null;

        var imports = await db.History.AsNoTracking()
            .Where(h => h.At > from && h.At <= due && (h.Kind == HistoryKinds.ComplaintsImported || h.Kind == HistoryKinds.ExposureImported))
            .Select(h => new { h.At, h.Kind, h.Data }).ToListAsync(ct);
        var stored = imports.Where(i => HistoryData.Read(i.Kind, i.Data) is ComplaintsImported { Accepted: > 0 } or ExposureImported { Accepted: > 0 })
            .Select(i => i.At).ToList();
        if (stored.Count == 0 || await ScannedSinceAsync(db, stored.Max(), ct))
        {
            Scanned(due);
            return null;
        }
        return due;
    }

    /// Every import that ended by `upTo` is counted by a scan.
    public void Scanned(DateTimeOffset upTo)
    {
        lock (gate) lookedUntil = lookedUntil is { } looked && looked > upTo ? looked : upTo;
    }

    /// Whether a scan (on any host, by anyone) began counting at or after `at`.
    static async Task<bool> ScannedSinceAsync(RoutingDb db, DateTimeOffset at, CancellationToken ct)
    {
        var scans = await db.History.AsNoTracking().Where(h => h.At >= at && h.Kind == HistoryKinds.PatternsScanned)
            .Select(h => h.Data).ToListAsync(ct);
        return scans.Any(data => HistoryData.Read(HistoryKinds.PatternsScanned, data) is PatternsScanned { StartedAt: { } started } && started >= at);
    }
}
