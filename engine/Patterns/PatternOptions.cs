namespace Routing.Engine.Patterns;

/// When a segment becomes a candidate pattern. The defaults are the starting
/// thresholds; see README "How candidates are computed" for why each.
/// <code>
/// "Routing": { "Patterns": { "FalseDiscoveryRate": 0.05, "MinimumComplaints": 5,
///   "MinimumPrr": 2, "MinimumChiSquare": 4, "MinimumPrrComplaints": 3, "GrowthToReturn": 2,
///   "ScanAfterImport": "00:02:00", "DailyScanCron": "0 3 * * *" } }
/// </code>
public sealed class PatternOptions
{
    public const string Section = "Routing:Patterns";

    /// Benjamini–Hochberg: flag a segment when its q-value is at most this.
    public double FalseDiscoveryRate { get; set; } = 0.05;
    /// Every candidate needs this many complaints, however small its p-value: 2 complaints on
    /// 40 units is a rate of 5% but not a pattern a department can act on.
    public long MinimumComplaints { get; set; } = 5;
    /// Evans et al. (2001): PRR at least 2…
    public double MinimumPrr { get; set; } = 2;
    /// …Yates χ² at least 4…
    public double MinimumChiSquare { get; set; } = 4;
    /// …and at least 3 complaints with the value (MinimumComplaints applies too).
    public long MinimumPrrComplaints { get; set; } = 3;
    /// A dismissed candidate comes back when its count or its ratio grows by this factor.
    public double GrowthToReturn { get; set; } = 2;

    /// A scan runs this long after an import that stored something; imports within it share the scan.
    public TimeSpan ScanAfterImport { get; set; } = TimeSpan.FromMinutes(2);
    /// When the daily scan runs (cron, UTC; five fields, or six with the seconds first): 03:00.
    public string DailyScanCron { get; set; } = "0 3 * * *";

    /// What is wrong with these settings, or null; for OptionsChecks.Check at start (the host
    /// checks DailyScanCron, where the scheduler is).
    public string? Problem() =>
        !(FalseDiscoveryRate > 0 && FalseDiscoveryRate < 1)
            ? $"{Section}:FalseDiscoveryRate must be above 0 and below 1, not {FalseDiscoveryRate}."
        : MinimumComplaints < 1 ? $"{Section}:MinimumComplaints must be at least 1, not {MinimumComplaints}."
        : !(MinimumPrr >= 1) ? $"{Section}:MinimumPrr must be at least 1 (an excess), not {MinimumPrr}."
        : !(MinimumChiSquare >= 0) ? $"{Section}:MinimumChiSquare must not be negative, not {MinimumChiSquare}."
        : MinimumPrrComplaints < 1 ? $"{Section}:MinimumPrrComplaints must be at least 1, not {MinimumPrrComplaints}."
        : !(GrowthToReturn > 1) ? $"{Section}:GrowthToReturn must be above 1, not {GrowthToReturn}."
        : ScanAfterImport <= TimeSpan.Zero || ScanAfterImport > ImportsToScan.LookBack
            ? $"{Section}:ScanAfterImport must be longer than zero and at most {ImportsToScan.LookBack}, not {ScanAfterImport}."
        : null;
}
