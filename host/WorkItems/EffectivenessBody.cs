using Routing.Engine.Effectiveness;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/{id}/effectiveness: how the item's fix is judged and how it is doing.
internal sealed record EffectivenessBody(
    string Method, EffectivenessBody.CriterionBody? Criterion, EffectivenessBody.RateBody? Before, EffectivenessBody.RateBody? After,
    string Verdict, double? PValue, string Explanation, int ReportsSinceResolution, IReadOnlyList<EffectivenessBody.MonthBody> Months)
{
    public sealed record RateBody(long Complaints, double UnitsSold, double? Rate, DateOnly From, DateOnly To);

    public sealed record SegmentBody(
        string Product, string Category, string? Region, IReadOnlyList<int> Months, string? AgeGroup, string? Accessibility,
        string? Channel, string? Vendor, string? Depot, string Words);

    /// The criterion fixed when the item was resolved; watchFrom/watchTo: the observation window.
    public sealed record CriterionBody(
        SegmentBody Segment, double? BaselineRate, double DefaultTarget, double Target, bool Loosened, int WindowDays,
        long? MinimumExposure, DateTimeOffset FixedAt, string FixedBy, DateOnly WatchFrom, DateOnly WatchTo, bool Extended, string? DecidedBy);

    /// A calendar month ("2026-03") of the segment: its complaints, units sold and rate (null: nothing sold).
    public sealed record MonthBody(string Month, long Complaints, double UnitsSold, double? Rate);

    public static EffectivenessBody Of(EffectivenessView v) => new(
        v.Method, v.Criterion is { } c ? Of(c) : null, Of(v.Before), Of(v.After), v.Verdict, v.PValue, v.Explanation,
        v.ReportsSinceResolution,
        [.. v.Months.Select(m => new MonthBody($"{m.Month / 100:D4}-{m.Month % 100:D2}", m.Complaints, Math.Round(m.UnitsSold, 1), m.Rate))]);

    static CriterionBody Of(ItemEffectiveness c) => new(
        new SegmentBody(c.Product, c.Category, c.Region, c.Months, c.AgeGroup, c.Accessibility, c.Channel, c.Vendor, c.Depot, c.Segment.Words()),
        c.BaselineRate, c.DefaultTarget, c.Target, c.Loosened, c.WindowDays, c.MinimumExposure, c.FixedAt, c.FixedBy,
        c.AfterFrom, c.AfterTo, c.Extended, c.DecidedBy);

    static RateBody? Of(SegmentRate? r) => r is null ? null : new(r.Complaints, Math.Round(r.UnitsSold, 1), r.Rate, r.From, r.To);
}
