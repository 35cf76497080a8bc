namespace Routing.Engine.Patterns;

/// Complaints of a product and category naming one value of an attribute (a vendor, an age group…).
internal sealed class AttributeCount
{
    public required string Product { get; init; }
    public required string Category { get; init; }
    public required string Value { get; init; }
    public long Complaints { get; init; }
}
