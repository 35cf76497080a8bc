using Microsoft.Extensions.Logging;

namespace Routing.Engine.Imports;

/// The running count of one import: what it stored, found stored already, refused (with the
/// first errors), and a progress line in the log (and to whoever watches) every so many lines.
/// Lines are read on one thread while the batch before is written on another: the counts are
/// kept under a lock.
internal sealed class ImportTally(string what, Guid importId, ILogger log, IProgress<ImportProgress>? progress)
{
    public const int ProgressEvery = 100_000;

    readonly Lock gate = new();
    // The errors of the lowest lines: a line that conflicts with a stored one is found when its
    // batch is written, while the lines after it are being read.
    readonly List<ImportError> errors = [];
    long lines, accepted, duplicates, rejected, replaced;

    public long Accepted { get { lock (gate) return accepted; } }
    public long Duplicates { get { lock (gate) return duplicates; } }
    public long Rejected { get { lock (gate) return rejected; } }
    public long Replaced { get { lock (gate) return replaced; } }

    /// A line read, valid or not.
    public void Read()
    {
        ImportProgress now;
        lock (gate)
        {
            if (++lines % ProgressEvery != 0) return;
            now = new(lines, accepted, duplicates, rejected);
        }
        log.LogInformation("Importing {What} ({ImportId}): {Lines} lines read, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected",
            what, importId, now.Lines, now.Accepted, now.Duplicates, now.Rejected);
        progress?.Report(now);
    }

    /// Lines of a committed batch: stored (some of them replacing a value), or stored already as they are.
    public void Stored(long accepted, long duplicates, long replaced = 0)
    {
        lock (gate) (this.accepted, this.duplicates, this.replaced) = (this.accepted + accepted, this.duplicates + duplicates, this.replaced + replaced);
    }

    /// A line refused, for one or more reasons.
    public void Reject(IEnumerable<ImportError> why)
    {
        lock (gate)
        {
            rejected++;
            foreach (var error in why)
            {
                if (errors.Count == ImportSummary.MaxErrors)
                {
                    var last = errors.MaxBy(e => e.Line)!;
                    if (last.Line <= error.Line) continue;
                    errors.Remove(last);
                }
                errors.Add(error);
            }
        }
    }

    public void Reject(ImportError why) => Reject([why]);

    /// What the import did; its errors in the order of their lines.
    public ImportSummary Summary(long? replaced)
    {
        lock (gate) return new(accepted, duplicates, rejected, [.. errors.OrderBy(e => e.Line)], replaced);
    }
}
