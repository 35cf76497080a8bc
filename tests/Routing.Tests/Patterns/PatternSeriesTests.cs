using System.Text.Json.Nodes;
using Routing.Engine.Patterns;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// A candidate month by month (PatternSeries), as the console's chart draws it: small imports
/// whose every month is worked out by hand.
public abstract class PatternSeriesTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task ImportAsync(IEnumerable<JsonObject> complaints, IEnumerable<JsonObject>? units = null)
    {
        var (_, imported) = await admin.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson);
        Assert.Equal(0L, (long)imported!["rejected"]!);
        if (units is null) return;
        var (_, sold) = await admin.PostAsync("/api/exposure", AsNdjson(units), Ndjson);
        Assert.Equal(0L, (long)sold!["rejected"]!);
    }

    static IEnumerable<JsonObject> Many(string product, string category, string? region, string month, int count,
        string? accessibility = null, string? vendor = null) =>
        Enumerable.Range(1, count).Select(i => new JsonObject
        {
            ["id"] = $"{product}/{category}/{region}/{month}/{accessibility}{vendor}/{i}",
            ["receivedAt"] = $"{month}-{1 + i % 28:00}T{i % 24:00}:30:00Z",
            ["product"] = product, ["category"] = category, ["region"] = region, ["accessibility"] = accessibility, ["vendor"] = vendor,
        });

    static JsonObject Sold(string product, string region, string month, long units) =>
        new() { ["product"] = product, ["region"] = region, ["month"] = month, ["unitsSold"] = units };

    static PatternCandidate Candidate(string product, string category, string method, string? region = null, List<int>? months = null,
        string? accessibility = null, string? vendor = null) => new()
    {
        Key = "", Product = product, Category = category, Method = method, Region = region, Months = months ?? [],
        Accessibility = accessibility, Vendor = vendor, Explanation = "", Status = PatternStatus.Open,
    };

    Task<IReadOnlyList<PatternMonth>> SeriesAsync(PatternCandidate candidate) =>
        fixture.WithStoreAsync(db => PatternSeries.OfAsync(db, candidate, CancellationToken.None));

    [Fact]
    public async Task A_rate_is_the_segments_complaints_per_unit_sold_each_month_against_what_the_scan_tests_it_against()
    {
        var stove = $"SR-{Guid.NewGuid():N}"[..12];
        // Michigan sells 100 a month, Ohio 200, from November 2025 to February 2026; Ohio also
        // sold 50 in January 2023, which stretches the data to 38 months.
        var units = new List<JsonObject>();
        foreach (var month in (string[])["2025-11", "2025-12", "2026-01", "2026-02"])
            units.AddRange([Sold(stove, "Michigan", month, 100), Sold(stove, "Ohio", month, 200)]);
        units.Add(Sold(stove, "Ohio", "2023-01", 50));
        await ImportAsync([
            .. Many(stove, "quality", "Michigan", "2025-11", 5), .. Many(stove, "quality", "Michigan", "2025-12", 8),
            .. Many(stove, "quality", "Michigan", "2026-02", 3),
            .. Many(stove, "quality", "Ohio", "2025-11", 2), .. Many(stove, "quality", "Ohio", "2025-12", 2),
            .. Many(stove, "quality", "Ohio", "2026-01", 4), .. Many(stove, "quality", "Ohio", "2026-02", 2),
            .. Many(stove, "quality", null, "2026-01", 1),            // no region: the rest
            .. Many(stove, "design", "Michigan", "2025-12", 7),      // another category: not counted
            .. Many(stove + "X", "quality", "Michigan", "2025-12", 9), // another product: not counted
        ], units);

        // Michigan in December and January.
        var series = await SeriesAsync(Candidate(stove, "quality", PatternMethod.Rate, region: "Michigan", months: [12, 1]));

        // The latest 24 of the 38 months, every one of them, in order.
        Assert.Equal(24, series.Count);
        Assert.Equal((202403, 202602), (series[0].Month, series[^1].Month));
        Assert.Equal(series.Select(m => m.Month).Order(), series.Select(m => m.Month));
        Assert.All(series.Take(20), m => Assert.Equal(new PatternMonth(m.Month, 0, 0, 0, 0), m));
        // A season is tested against its own place's other months: Michigan out of the season.
        Assert.Equal([
            new PatternMonth(202511, 0, 0, 5, 100),
            new PatternMonth(202512, 8, 100, 0, 0),
            new PatternMonth(202601, 0, 100, 0, 0),
            new PatternMonth(202602, 0, 0, 3, 100),
        ], series.Skip(20));
        Assert.Equal(0.08, series[21].Rate);
        Assert.Null(series[21].BaselineRate);
        Assert.Null(series[20].Rate);

        // A region is tested against the other regions, every month.
        var region = await SeriesAsync(Candidate(stove, "quality", PatternMethod.Rate, region: "Michigan"));
        Assert.Equal([
            new PatternMonth(202511, 5, 100, 2, 200),
            new PatternMonth(202512, 8, 100, 2, 200),
            new PatternMonth(202601, 0, 100, 5, 200), // Ohio's 4 and the one without a region
            new PatternMonth(202602, 3, 100, 2, 200),
        ], region.Skip(20));
    }

    [Fact]
    public async Task A_customer_attributes_share_is_counted_among_the_complaints_that_say_it_against_other_products_of_the_category()
    {
        var kettle = $"KX-{Guid.NewGuid():N}"[..12];
        var lamp = kettle + "-lamp";
        await ImportAsync([
            .. Many(kettle, "quality", null, "2025-05", 4, accessibility: "visually impaired"),
            .. Many(kettle, "quality", null, "2025-05", 6, accessibility: "none"),
            .. Many(kettle, "quality", null, "2025-05", 3),                                    // says nothing: not counted
            .. Many(lamp, "quality", null, "2025-05", 1, accessibility: "visually impaired"),
            .. Many(lamp, "quality", null, "2025-05", 9, accessibility: "none"),
            .. Many(lamp, "design", null, "2025-05", 5, accessibility: "visually impaired"),    // another category
            .. Many(kettle, "quality", null, "2025-07", 2, accessibility: "visually impaired"),
            .. Many(lamp, "quality", null, "2025-07", 10, accessibility: "none"),
        ]);
        // Other products of the category are every product's but the kettle's: this test's own
        // products are the only ones in these months with an accessibility need.
        var series = await SeriesAsync(Candidate(kettle, "quality", PatternMethod.Prr, accessibility: "visually impaired"));
        var mine = series.Where(m => m.Month is >= 202505 and <= 202507).ToList();
        Assert.Equal([
            new PatternMonth(202505, 4, 10, 1, 10),
            new PatternMonth(202506, 0, 0, 0, 0),
            new PatternMonth(202507, 2, 2, 0, 10),
        ], mine);
        Assert.Equal((0.4, 0.1), (mine[0].Rate, mine[0].BaselineRate));
    }

    [Fact]
    public async Task A_vendors_share_is_counted_against_the_products_other_categories()
    {
        var heater = $"WX-{Guid.NewGuid():N}"[..12];
        await ImportAsync([
            .. Many(heater, "quality", null, "2025-03", 6, vendor: "Acme"),
            .. Many(heater, "quality", null, "2025-03", 2, vendor: "Boreal"),
            .. Many(heater, "design", null, "2025-03", 1, vendor: "Acme"),
            .. Many(heater, "design", null, "2025-03", 4, vendor: "Boreal"),
            .. Many(heater + "-other", "quality", null, "2025-03", 10, vendor: "Acme"), // another product
        ]);
        var series = await SeriesAsync(Candidate(heater, "quality", PatternMethod.Prr, vendor: "Acme"));
        Assert.Equal([new PatternMonth(202503, 6, 8, 1, 5)], series);
    }
}

public sealed class PatternSeriesOnSqlite(SqliteFixture fixture) : PatternSeriesTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PatternSeriesOnPostgres(PostgresFixture fixture) : PatternSeriesTests(fixture), IClassFixture<PostgresFixture>;
