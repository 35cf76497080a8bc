using Microsoft.Extensions.Logging;

namespace Routing.Engine.Imports;

/// The running count of one import: what it stored, found stored already, refused (with the
/// first errors), and a progress line in the log (and to whoever watches) every so many lines.
internal sealed class ImportTally(string what, Guid importId, ILogger log, IProgress<ImportProgress>? progress)
{
    public const int ProgressEvery = 100_000;

    readonly List<ImportError> errors = [];
    long lines;

    public long Accepted { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; private set; }
    public long Replaced { get; set; }

    /// A line read, valid or not.
    public void Read()
    {
        if (++lines % ProgressEvery != 0) return;
        log.LogInformation("Importing {What} ({ImportId}): {Lines} lines read, {Accepted} accepted, {Duplicates} duplicates, {Rejected} rejected",
            what, importId, lines, Accepted, Duplicates, Rejected);
        progress?.Report(new(lines, Accepted, Duplicates, Rejected));
    }

    /// A line refused, for one or more reasons.
    public void Reject(IEnumerable<ImportError> why)
    {
        Rejected++;
        foreach (var error in why)
            if (errors.Count < ImportSummary.MaxErrors) errors.Add(error);
    }

    public void Reject(ImportError why) => Reject([why]);

    /// What the import did; its errors in the order of their lines (a line that conflicts with a
    /// stored one is found when its batch is written, after the lines found wrong on reading).
    public ImportSummary Summary(long? replaced) => new(Accepted, Duplicates, Rejected, [.. errors.OrderBy(e => e.Line)], replaced);
}
