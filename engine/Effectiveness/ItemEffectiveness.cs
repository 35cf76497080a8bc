namespace Routing.Engine.Effectiveness;

/// A resolved item's effectiveness criterion, fixed when it was resolved (before any result was
/// known), and the check's outcome once judged. One row per resolution: an item reopened and
/// resolved again is judged on its latest (Latest), and every fix it had is counted.
/// Only items judged by measurement have one: the others follow the recurrence rule.
internal sealed class ItemEffectiveness
{
    public Guid Id { get; set; }
    public Guid WorkItemId { get; set; }
    /// The item's department (an item never changes it), kept here so accountability counts the checks of a
    /// period by department from one index instead of looking up each check's item.
    public required string Department { get; set; }

    // The segment: the report's product, category and segment (and, from its candidate, channel and depot).
    public required string Product { get; set; }
    public required string Category { get; set; }
    public string? Region { get; set; }
    /// Months of the year in the season's order; empty when the segment is not seasonal.
    public List<int> Months { get; set; } = [];
    public string? AgeGroup { get; set; }
    public string? Accessibility { get; set; }
    public string? Channel { get; set; }
    public string? Vendor { get; set; }
    public string? Depot { get; set; }

    /// The rate before the fix: complaints over units sold in [BeforeFrom, BeforeTo).
    public long BeforeComplaints { get; set; }
    public double BeforeUnits { get; set; }
    public DateOnly BeforeFrom { get; set; }
    public DateOnly BeforeTo { get; set; }
    /// The product's rate outside the segment over the same period; null when there is none to
    /// compare with (a segment of a customer attribute: units are not known per attribute).
    public double? BaselineRate { get; set; }
    public double DefaultTarget { get; set; }
    public double Target { get; set; }
    /// The department set a target above the default (with a note, which the history keeps).
    public bool Loosened { get; set; }
    /// Days of the segment's months to watch after the fix.
    public int WindowDays { get; set; }
    public long? MinimumExposure { get; set; }
    public DateTimeOffset FixedAt { get; set; }
    public required string FixedBy { get; set; }

    /// The observation window [AfterFrom, AfterTo): the check runs at its end; extended once when
    /// too few units were sold to judge.
    public DateOnly AfterFrom { get; set; }
    public DateOnly AfterTo { get; set; }
    public bool Extended { get; set; }

    /// EffectivenessVerdicts: pending until the check.
    public required string Verdict { get; set; }
    public long? AfterComplaints { get; set; }
    public double? AfterUnits { get; set; }
    public double? PValue { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
    /// An inconclusive check's outcome as the submitting CSM decided it (verified or reopened).
    public string? DecidedBy { get; set; }

    public EffectivenessSegment Segment =>
        new(Product, Category, Region, Months, AgeGroup, Accessibility, Channel, Vendor, Depot);

    public EffectivenessCriterion Criterion => new(
        new SegmentRate(BeforeComplaints, BeforeUnits, BeforeFrom, BeforeTo), BaselineRate,
        new EffectivenessTarget(Target, DefaultTarget, Loosened), TimeSpan.FromDays(WindowDays), MinimumExposure);
}

internal static class LatestEffectiveness
{
    /// The item's current criterion: the one fixed when it was last resolved.
    public static IQueryable<ItemEffectiveness> Latest(this IQueryable<ItemEffectiveness> all, Guid workItem) =>
        all.Where(e => e.WorkItemId == workItem).OrderByDescending(e => e.FixedAt).Take(1);
}
