using System.Text.Json.Nodes;

namespace Routing.Tests.Patterns;

/// A year (2025) of complaints and units sold with one pattern of each kind planted, and two
/// decoys, with every count chosen so that each candidate's numbers can be worked out by hand
/// (see the test that checks them):
/// - HX-200 heater, quality: Michigan and Ohio sell 1,000 units a month each; 10 complaints a
///   region-month from November to March, 1 otherwise (a season wrapping the year).
/// - AC-300 fan, quality: Michigan, Ohio, Texas sell 1,000 a month each; Texas has 5 complaints
///   a month, the others 1 (a region).
/// - KT-5 kettle and LP-7 lamp, quality, no units: 20 of KT-5's 40 complaints name "visually
///   impaired", 5 of LP-7's 100 (accessibility, against other products of the category).
/// - WH-9 water heater: 24 of 30 quality complaints name vendor Acme Controls, 3 of 30 in each
///   of design, pricing and policy (a vendor, against the product's other categories).
/// - BX-1 boiler: 26 of 30 supply complaints came through Depot North, 4 of 30 in each of
///   quality and pricing (a depot).
/// - Decoys: TM-1 toaster sells 40 units in Guam in June, with 2 complaints (a tiny market);
///   DR-10 dryer has a few complaints a month, up and down, at its usual rate (a noisy product).
internal static class PlantedPatterns
{
    public static readonly string[] Regions2 = ["Michigan", "Ohio"];

    public static List<JsonObject> Complaints()
    {
        var list = new List<JsonObject>();
        foreach (var region in Regions2)
            for (var month = 1; month <= 12; month++)
                list.AddRange(Many("HX-200 heater", "quality", region, month, month is >= 11 or <= 3 ? 10 : 1));
        foreach (var region in (string[])["Michigan", "Ohio", "Texas"])
            for (var month = 1; month <= 12; month++)
                list.AddRange(Many("AC-300 fan", "quality", region, month, region == "Texas" ? 5 : 1));

        list.AddRange(Many("KT-5 kettle", "quality", null, 4, 20, accessibility: "visually impaired"));
        list.AddRange(Many("KT-5 kettle", "quality", null, 5, 20, accessibility: "none"));
        list.AddRange(Many("LP-7 lamp", "quality", null, 4, 5, accessibility: "visually impaired"));
        list.AddRange(Many("LP-7 lamp", "quality", null, 5, 95, accessibility: "none"));

        list.AddRange(Many("WH-9 water heater", "quality", null, 6, 24, vendor: "Acme Controls"));
        list.AddRange(Many("WH-9 water heater", "quality", null, 6, 6, vendor: "Boreal Parts"));
        foreach (var category in (string[])["design", "pricing", "policy"])
        {
            list.AddRange(Many("WH-9 water heater", category, null, 6, 3, vendor: "Acme Controls"));
            list.AddRange(Many("WH-9 water heater", category, null, 6, 14, vendor: "Boreal Parts"));
            list.AddRange(Many("WH-9 water heater", category, null, 6, 13, vendor: "Cedar Supply"));
        }

        list.AddRange(Many("BX-1 boiler", "supply", null, 7, 26, depot: "Depot North"));
        list.AddRange(Many("BX-1 boiler", "supply", null, 7, 2, depot: "Depot South"));
        list.AddRange(Many("BX-1 boiler", "supply", null, 7, 2, depot: "Depot East"));
        foreach (var category in (string[])["quality", "pricing"])
        {
            list.AddRange(Many("BX-1 boiler", category, null, 7, 4, depot: "Depot North"));
            list.AddRange(Many("BX-1 boiler", category, null, 7, 13, depot: "Depot South"));
            list.AddRange(Many("BX-1 boiler", category, null, 7, 13, depot: "Depot East"));
        }

        for (var month = 1; month <= 12; month++)
            list.AddRange(Many("TM-1 toaster", "quality", "Michigan", month, 1));
        list.AddRange(Many("TM-1 toaster", "quality", "Guam", 6, 2));

        int[] michigan = [1, 2, 0, 1, 3, 1, 0, 2, 1, 1, 0, 2], ohio = [2, 0, 1, 1, 0, 2, 1, 1, 3, 0, 1, 1];
        for (var month = 1; month <= 12; month++)
        {
            list.AddRange(Many("DR-10 dryer", "quality", "Michigan", month, michigan[month - 1]));
            list.AddRange(Many("DR-10 dryer", "quality", "Ohio", month, ohio[month - 1]));
        }
        return list;
    }

    public static List<JsonObject> UnitsSold()
    {
        var list = new List<JsonObject>();
        void Sold(string product, string region, int month, long units) => list.Add(new()
        {
            ["product"] = product, ["region"] = region, ["month"] = $"2025-{month:00}", ["unitsSold"] = units,
        });
        for (var month = 1; month <= 12; month++)
        {
            foreach (var region in Regions2)
            {
                Sold("HX-200 heater", region, month, 1_000);
                Sold("DR-10 dryer", region, month, 1_000);
            }
            foreach (var region in (string[])["Michigan", "Ohio", "Texas"]) Sold("AC-300 fan", region, month, 1_000);
            Sold("TM-1 toaster", "Michigan", month, 1_000);
        }
        Sold("TM-1 toaster", "Guam", 6, 40);
        return list;
    }

    /// count complaints of a product in a month of 2025, ids naming all that sets them apart;
    /// `batch` keeps the ids of complaints added later apart from the first ones.
    public static IEnumerable<JsonObject> Many(string product, string category, string? region, int month, int count,
        string? accessibility = null, string? vendor = null, string? depot = null, string batch = "") =>
        Enumerable.Range(1, count).Select(i => new JsonObject
        {
            ["id"] = $"{product}/{category}/{region}/{month}/{accessibility}{vendor}{depot}/{batch}{i}",
            ["receivedAt"] = $"2025-{month:00}-{1 + i % 28:00}T{i % 24:00}:00:00Z",
            ["product"] = product, ["category"] = category, ["region"] = region, ["ageGroup"] = null,
            ["accessibility"] = accessibility, ["channel"] = null, ["vendor"] = vendor, ["depot"] = depot,
            ["summary"] = $"{product} {category} complaint",
        });
}
