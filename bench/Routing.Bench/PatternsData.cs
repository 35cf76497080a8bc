using System.Globalization;
using System.Text;

namespace Routing.Bench;

/// The "patterns" data set: products × regions × 24 months of units sold, and complaints drawn
/// in proportion to them, with five patterns planted among them (a rate in a region, a season
/// in one region, an accessibility need, a vendor, a depot). The same seed makes the same files.
internal static class PatternsData
{
    /// A planted pattern and how to recognise its candidate in GET /api/patterns.
    public sealed record Planted(string Name, string Product, string Category, string Field, string Value);

    public static readonly string[] Products = [.. Enumerable.Range(0, 20).Select(i => $"HX-{200 + 10 * i}")];
    public static readonly string[] Regions =
        ["Michigan", "Ohio", "Minnesota", "Texas", "Utah", "Oregon", "Florida", "Maine", "Iowa", "Nevada", "Georgia", "Vermont"];
    static readonly string[] Categories = ["quality", "supply", "design", "marketing", "sales-conduct", "pricing", "policy", "third-party", "other"];
    static readonly double[] CategoryShares = [0.40, 0.15, 0.12, 0.06, 0.06, 0.06, 0.05, 0.05, 0.05];
    static readonly string[] AgeGroups = ["18-34", "35-49", "50-64", "65+"];
    static readonly string[] Needs = ["low vision", "hearing", "mobility", "cognitive"];
    static readonly string[] Channels = ["phone", "web", "email", "chat"];
    static readonly string[] Vendors = ["Acme Controls", "Borealis Parts", "Cobalt Components", "Delta Thermal"];
    static readonly string[] Depots = ["Toledo", "Reno", "Tulsa", "Albany", "Fresno", "Macon"];
    static readonly string[] Words = ["stops heating", "makes a noise", "arrived late", "display is blank", "smells of plastic", "trips the breaker"];

    // The 24 months end with the one before the bench's clock: no complaint is in the future.
    public static readonly DateTime FirstMonth = new(2024, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    public const int Months = 24;

    public static readonly Planted[] Patterns =
    [
        new("rate in a region", "HX-200", "quality", "region", "Michigan"),
        new("season Nov–Mar in one region", "HX-210", "quality", "months", "Minnesota"),
        new("accessibility disproportion", "HX-220", "design", "accessibility", "low vision"),
        new("vendor", "HX-230", "quality", "vendor", "Acme Controls"),
        new("depot", "HX-240", "supply", "depot", "Toledo"),
    ];

    /// Units sold of a product in a region and month (the denominator), fixed whatever the complaint count.
    static long Units(int product, int region, int month) => 20_000 + (product * 7919 + region * 104_729 + month * 1_299_709) % 180_000;

    /// How many more complaints than usual a product, category, region and month draws.
    static double Excess(int product, int category, int region, int month)
    {
        var monthOfYear = (FirstMonth.Month - 1 + month) % 12 + 1;
        if (product == 0 && category == 0 && region == 0) return 3;
        if (product == 1 && category == 0 && region == 2 && monthOfYear is >= 11 or <= 3) return 4;
        return 1;
    }

    /// Writes `complaints` complaints as CSV (header row, the import's field names) and the units
    /// sold as CSV; returns their paths.
    public static (string Complaints, string Exposure) Write(string folder, long complaints)
    {
        Directory.CreateDirectory(folder);
        var exposure = Path.Combine(folder, "exposure.csv");
        using (var w = new StreamWriter(exposure, false, new UTF8Encoding(false), 1 << 16))
        {
            w.Write("product,region,month,unitsSold\n");
            for (var p = 0; p < Products.Length; p++)
                for (var r = 0; r < Regions.Length; r++)
                    for (var m = 0; m < Months; m++)
                        w.Write($"{Products[p]},{Regions[r]},{FirstMonth.AddMonths(m):yyyy-MM},{Units(p, r, m)}\n");
        }

        // Every (product, category, region, month) as a weight; a complaint falls in one in proportion.
        var cells = new List<(int P, int C, int R, int M)>();
        var cumulative = new List<double>();
        double total = 0;
        for (var p = 0; p < Products.Length; p++)
            for (var c = 0; c < Categories.Length; c++)
                for (var r = 0; r < Regions.Length; r++)
                    for (var m = 0; m < Months; m++)
                    {
                        total += Units(p, r, m) * CategoryShares[c] * Excess(p, c, r, m);
                        cells.Add((p, c, r, m));
                        cumulative.Add(total);
                    }

        var path = Path.Combine(folder, "complaints.csv");
        var random = new Random(17);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("id,receivedAt,product,category,region,ageGroup,accessibility,channel,vendor,depot,summary\n");
        var line = new StringBuilder(256);
        for (long i = 0; i < complaints; i++)
        {
            var at = cumulative.BinarySearch(random.NextDouble() * total);
            var (p, c, r, m) = cells[at < 0 ? ~at : at];
            var month = FirstMonth.AddMonths(m);
            var receivedAt = month.AddSeconds(random.NextDouble() * (month.AddMonths(1) - month).TotalSeconds);
            string? Pick(string[] values, double known) => random.NextDouble() < known ? values[random.Next(values.Length)] : null;
            var need = p == 2 && c == 2 && random.NextDouble() < 0.25 ? "low vision" : Pick(Needs, 0.08);
            var vendor = p == 3 && c == 0 && random.NextDouble() < 0.5 ? "Acme Controls" : Vendors[random.Next(Vendors.Length)];
            var depot = p == 4 && c == 1 && random.NextDouble() < 0.5 ? "Toledo" : Depots[random.Next(Depots.Length)];
            line.Clear()
                .Append('C').Append(i.ToString("D9", CultureInfo.InvariantCulture)).Append(',')
                .Append(receivedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append(',')
                .Append(Products[p]).Append(',').Append(Categories[c]).Append(',').Append(Regions[r]).Append(',')
                .Append(Pick(AgeGroups, 0.7)).Append(',').Append(need).Append(',').Append(Channels[random.Next(Channels.Length)]).Append(',')
                .Append(vendor).Append(',').Append(depot).Append(',')
                .Append("Ticket ").Append(i).Append(": ").Append(Words[random.Next(Words.Length)]).Append(" after ")
                .Append(random.Next(1, 90)).Append(" days of use and the customer asks for a replacement\n");
            writer.Write(line);
        }
        return (path, exposure);
    }
}
