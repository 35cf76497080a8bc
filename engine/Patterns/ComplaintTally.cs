namespace Routing.Engine.Patterns;

/// The scan's counts of a batch of complaints stored (ComplaintCells, as JSON), written in the
/// batch's transaction; ComplaintTallies adds the rows up into one now and then.
internal sealed class ComplaintTally
{
    public long Id { get; set; }
    /// The complaints counted.
    public long Complaints { get; set; }
    /// `[[product, category, attribute, value, monthOfYear, complaints], …]`.
    public required string Cells { get; set; }
}
