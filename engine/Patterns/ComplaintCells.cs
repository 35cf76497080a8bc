using System.Text.Json;
using Routing.Engine.Complaints;

namespace Routing.Engine.Patterns;

/// Complaints counted the way a scan reads them: per product, category, region and month of the
/// year (UTC), and per product, category and value of each attribute a complaint names.
internal sealed class ComplaintCells
{
    readonly Dictionary<ComplaintCell, long> counts = [];

    public long Complaints { get; private set; }

    public IReadOnlyDictionary<ComplaintCell, long> Counts => counts;

    public void Add(Complaint c)
    {
        Complaints++;
        Add(new(c.Product, c.Category, ComplaintCell.Region, c.Region ?? "", c.ReceivedAt.UtcDateTime.Month), 1);
        foreach (var attribute in PatternScan.Attributes)
            if (Of(c, attribute) is { Length: > 0 } value) Add(new(c.Product, c.Category, attribute, value, 0), 1);
    }

    /// Adds cells written by ToJson (or the migration's SQL).
    public void Add(ComplaintTally tally)
    {
        Complaints += tally.Complaints;
        using var cells = JsonDocument.Parse(tally.Cells);
        foreach (var cell in cells.RootElement.EnumerateArray())
            Add(new(cell[0].GetString()!, cell[1].GetString()!, cell[2].GetString()!, cell[3].GetString()!, cell[4].GetInt32()), cell[5].GetInt64());
    }

    void Add(ComplaintCell cell, long n)
    {
        var sum = counts.GetValueOrDefault(cell) + n;
        if (sum == 0) counts.Remove(cell);
        else counts[cell] = sum;
    }

    public ComplaintTally ToTally()
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var (cell, n) in counts)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(cell.Product);
                writer.WriteStringValue(cell.Category);
                writer.WriteStringValue(cell.Attribute);
                writer.WriteStringValue(cell.Value);
                writer.WriteNumberValue(cell.MonthOfYear);
                writer.WriteNumberValue(n);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        return new ComplaintTally { Complaints = Complaints, Cells = System.Text.Encoding.UTF8.GetString(json.ToArray()) };
    }

    static string? Of(Complaint c, string attribute) => attribute switch
    {
        "ageGroup" => c.AgeGroup,
        "accessibility" => c.Accessibility,
        "channel" => c.Channel,
        "vendor" => c.Vendor,
        "depot" => c.Depot,
        _ => throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Not an attribute of a complaint."),
    };
}
