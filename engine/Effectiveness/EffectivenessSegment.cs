using Routing.Engine.Complaints;
using Routing.Engine.Exposure;
using Routing.Engine.Patterns;

namespace Routing.Engine.Effectiveness;

/// The complaints a fix must make fewer: a product's complaints of a category, in a region, a
/// season or among customers with an attribute, as its report named them. Units sold are known
/// per product, region and month only: a segment of a customer attribute counts its complaints
/// over all the units of its product (and region), which is still the rate that must fall.
internal sealed record EffectivenessSegment(
    string Product, string Category, string? Region, IReadOnlyList<int> Months,
    string? AgeGroup, string? Accessibility, string? Channel, string? Vendor, string? Depot)
{
    public bool ByAttribute => AgeGroup is not null || Accessibility is not null || Channel is not null || Vendor is not null || Depot is not null;

    public bool InSeason(DateOnly day) => Months.Count == 0 || Months.Contains(day.Month);

    public IQueryable<Complaint> Complaints(IQueryable<Complaint> all)
    {
        var q = all.Where(c => c.Product == Product && c.Category == Category);
        if (Region is not null) q = q.Where(c => c.Region == Region);
        if (AgeGroup is not null) q = q.Where(c => c.AgeGroup == AgeGroup);
        if (Accessibility is not null) q = q.Where(c => c.Accessibility == Accessibility);
        if (Channel is not null) q = q.Where(c => c.Channel == Channel);
        if (Vendor is not null) q = q.Where(c => c.Vendor == Vendor);
        if (Depot is not null) q = q.Where(c => c.Depot == Depot);
        return q;
    }

    public IQueryable<MonthlySales> Sales(IQueryable<MonthlySales> all) =>
        Region is null ? all.Where(s => s.Product == Product) : all.Where(s => s.Product == Product && s.Region == Region);

    /// "HX-200, quality, Michigan, Nov–Mar".
    public string Words() => string.Join(", ", new PatternSegment(Region,
            Months.Count == 0 ? null : new MonthRun(Months[0], Months[^1]), AgeGroup, Accessibility, Channel, Vendor, Depot)
        .Words().Prepend(Category).Prepend(Product));
}
