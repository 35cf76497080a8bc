namespace Routing.Engine.Complaints;

/// One customer complaint as the ticket system knows it, kept so that patterns can be found
/// among them. Its id is the ticket's own; the content hash tells the same ticket sent again
/// (a duplicate) from another ticket under a used id (an error).
internal sealed class Complaint
{
    public required string Id { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public required string Product { get; set; }
    /// One of the report categories (ReportCategories).
    public required string Category { get; set; }
    public string? Region { get; set; }
    public string? AgeGroup { get; set; }
    public string? Accessibility { get; set; }
    public string? Channel { get; set; }
    public string? Vendor { get; set; }
    public string? Depot { get; set; }
    public string? Summary { get; set; }
    public required string ContentHash { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    /// The import that stored it (its history event names the same id).
    public Guid ImportId { get; set; }
}
