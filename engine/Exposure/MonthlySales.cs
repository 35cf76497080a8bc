namespace Routing.Engine.Exposure;

/// Units of a product sold in a region in a month: the exposure a complaint rate is counted
/// against. One row per product, region and month; a later import's value replaces it.
internal sealed class MonthlySales
{
    public required string Product { get; set; }
    public required string Region { get; set; }
    /// The month as yyyymm (202611 for November 2026): sortable, and its month of the year is Month % 100.
    public int Month { get; set; }
    public long UnitsSold { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public Guid ImportId { get; set; }
}
