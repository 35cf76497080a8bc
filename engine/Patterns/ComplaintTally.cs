namespace Routing.Engine.Patterns;

/// A change in how many complaints of a product and category fall in a cell the scan counts: a
/// region and month of the year (Attribute "region", the region "" when unknown), or a value of
/// an attribute (MonthOfYear 0). +n for complaints stored, −n for complaints deleted, or the sum
/// of many such rows once folded. Written by the database (ComplaintTallies' triggers), never from here.
internal sealed class ComplaintTally
{
    public long Id { get; set; }
    public required string Product { get; set; }
    public required string Category { get; set; }
    public required string Attribute { get; set; }
    public required string Value { get; set; }
    public int MonthOfYear { get; set; }
    public long Complaints { get; set; }
}
