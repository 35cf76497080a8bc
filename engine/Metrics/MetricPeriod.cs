namespace Routing.Engine.Metrics;

/// One department's figures for one closed week or month. A derived cache: each figure is grouped
/// by when its event happened, so a closed period never changes; emptying the table is always safe.
internal sealed class MetricPeriod
{
    public required string Department { get; set; }
    /// `week` or `month`.
    public required string Interval { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    /// The definition the figures were computed under; rows of another are computed again.
    public int Definition { get; set; }
    public int Opened { get; set; }
    public int Acknowledged { get; set; }
    public int AcknowledgedWithinSla { get; set; }
    public double? AckMedianSeconds { get; set; }
    public double? AckP90Seconds { get; set; }
    public int Resolved { get; set; }
    public int ResolvedWithinSla { get; set; }
    public double? ResolveMedianSeconds { get; set; }
    public double? ResolveP90Seconds { get; set; }
    public int BacklogDays0To2 { get; set; }
    public int BacklogDays3To7 { get; set; }
    public int BacklogDays8To30 { get; set; }
    public int BacklogOver30 { get; set; }
    public int Reopened { get; set; }
    public int Escalations { get; set; }
    public int HandedBack { get; set; }
    public int Judged { get; set; }
    public int Effective { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
