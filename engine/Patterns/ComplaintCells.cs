using System.Runtime.InteropServices;
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

    public void Add(Complaint c) => Add(c, 1);

    public void Remove(Complaint c) => Add(c, -1);

    void Add(Complaint c, int n)
    {
        Complaints += n;
        Count(new(c.Product, c.Category, ComplaintCell.Region, c.Region ?? "", c.ReceivedAt.UtcDateTime.Month), n);
        foreach (var attribute in PatternScan.Attributes)
            if (Of(c, attribute) is { Length: > 0 } value) Count(new(c.Product, c.Category, attribute, value, 0), n);
    }

    /// Adds cells written by ToTally (or the migration's SQL). Read as a stream, with each text
    /// made a string once: a scan after an import of 1M complaints adds up 200 rows of 8,500 cells.
    public void Add(ComplaintTally tally)
    {
        Complaints += tally.Complaints;
        var json = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(tally.Cells));
        var texts = new string[4];
        json.Read(); // [
        while (json.Read() && json.TokenType == JsonTokenType.StartArray)
        {
            for (var i = 0; i < 4; i++)
            {
                json.Read();
                texts[i] = Text(ref json);
            }
            json.Read();
            var month = json.GetInt32();
            json.Read();
            var n = json.GetInt64();
            json.Read(); // ]
            Count(new(texts[0], texts[1], texts[2], texts[3], month), n);
        }
    }

    readonly Dictionary<string, string> strings = [];

    string Text(ref Utf8JsonReader json)
    {
        Span<char> chars = stackalloc char[256];
        var length = json.ValueSpan.Length <= chars.Length && !json.ValueIsEscaped ? System.Text.Encoding.UTF8.GetChars(json.ValueSpan, chars) : -1;
        if (length < 0) return json.GetString()!;
        var pool = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (pool.TryGetValue(chars[..length], out var known)) return known;
        var text = new string(chars[..length]);
        strings[text] = text;
        return text;
    }

    void Count(ComplaintCell cell, long n)
    {
        // One lookup a count: an import counts about six cells a complaint.
        ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, cell, out _);
        sum += n;
        if (sum == 0) counts.Remove(cell);
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
