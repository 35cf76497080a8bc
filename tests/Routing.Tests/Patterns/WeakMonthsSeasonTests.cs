using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// A winter none of whose months stands out alone comes out of a scan as one season, November
/// to March, in its region and in all regions; not in pieces, and not as nothing.
public abstract class WeakMonthsSeasonTests(RoutingFixture fixture)
{
    [Fact]
    public async Task A_scan_finds_a_winter_of_weak_months_whole()
    {
        // WX-3 radiator, Michigan only, 1,000 units a month: 10 quality complaints a month from
        // November to March, 4 otherwise. Each winter month alone: p = 0.113 (SeasonScanTests).
        var complaints = Enumerable.Range(1, 12).SelectMany(m =>
            PlantedPatterns.Many("WX-3 radiator", "quality", "Michigan", m, m is >= 11 or <= 3 ? 10 : 4));
        var units = Enumerable.Range(1, 12).Select(m => new JsonObject
        {
            ["product"] = "WX-3 radiator", ["region"] = "Michigan", ["month"] = $"2025-{m:00}", ["unitsSold"] = 1_000,
        });
        Assert.Equal(0L, (long)(await fixture.Client.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson)).Body!["rejected"]!);
        Assert.Equal(0L, (long)(await fixture.Client.PostAsync("/api/exposure", AsNdjson(units), Ndjson)).Body!["rejected"]!);

        await fixture.Client.PostAsync("/api/patterns/scan", "", Json);

        var candidates = JsonNode.Parse(await fixture.Client.GetStringAsync("/api/patterns?product=WX-3%20radiator"))!.AsArray();
        // One season per place: Michigan, and all regions (here the same complaints).
        Assert.Equal(["", "Michigan"], candidates.Select(c => (string?)c!["segment"]!["region"] ?? "").Order());
        Assert.All(candidates, c =>
        {
            Assert.Equal([11, 12, 1, 2, 3], c!["segment"]!["months"]!.AsArray().Select(m => (int)m!));
            // 50 on 5,000 units against 28 on 7,000; p = 132 × P(X ≥ 50), X ~ binomial(78, 5/12).
            Assert.Equal((50L, 5_000L), ((long)c["complaints"]!, (long)c["unitsSold"]!));
            Assert.Equal(0.004, (double)c["baselineRate"]!, 12);
            Assert.Equal(0.00708030545014154, (double)c["pValue"]!, 12);
        });
        Assert.Equal("WX-3 radiator, Michigan, Nov–Mar: 50 quality complaints on 5,000 units (1.0%) against 0.4% elsewhere — 2.5× (q = 0.007)",
            (string)candidates.Single(c => (string?)c!["segment"]!["region"] == "Michigan")!["explanation"]!);
    }

    [Fact]
    public async Task A_decision_on_a_season_stays_with_its_months_when_the_season_moves()
    {
        // WX-4 radiator, Michigan: a winter (10 a month against 4), dismissed; then a summer of
        // 40 a month comes in, and the place's season is June to August.
        var winter = Enumerable.Range(1, 12).SelectMany(m =>
            PlantedPatterns.Many("WX-4 radiator", "quality", "Michigan", m, m is >= 11 or <= 3 ? 10 : 4));
        var units = Enumerable.Range(1, 12).Select(m => new JsonObject
        {
            ["product"] = "WX-4 radiator", ["region"] = "Michigan", ["month"] = $"2025-{m:00}", ["unitsSold"] = 1_000,
        });
        await fixture.Client.PostAsync("/api/complaints", AsNdjson(winter), Ndjson);
        await fixture.Client.PostAsync("/api/exposure", AsNdjson(units), Ndjson);
        await fixture.Client.PostAsync("/api/patterns/scan", "", Json);
        var michigan = await MichiganSeasonsAsync("WX-4 radiator");
        var dismissed = (string)Assert.Single(michigan)!["id"]!;
        Assert.Equal(System.Net.HttpStatusCode.OK,
            (await fixture.Client.PostAsync($"/api/patterns/{dismissed}/dismiss", """{ "reason": "the heating season" }""", Json)).Status);

        var summer = new[] { 6, 7, 8 }.SelectMany(m => PlantedPatterns.Many("WX-4 radiator", "quality", "Michigan", m, 36, batch: "summer-"));
        await fixture.Client.PostAsync("/api/complaints", AsNdjson(summer), Ndjson);
        await fixture.Client.PostAsync("/api/patterns/scan", "", Json);

        var after = await MichiganSeasonsAsync("WX-4 radiator");
        var old = Assert.Single(after, c => (string)c!["id"]! == dismissed)!;
        Assert.Equal(("dismissed", false), ((string)old["status"]!, (bool)old["stillFlagged"]!));
        Assert.Equal([11, 12, 1, 2, 3], old["segment"]!["months"]!.AsArray().Select(m => (int)m!));
        var moved = Assert.Single(after, c => (string)c!["id"]! != dismissed)!;
        Assert.Equal(("open", true), ((string)moved["status"]!, (bool)moved["stillFlagged"]!));
        Assert.Equal([6, 7, 8], moved["segment"]!["months"]!.AsArray().Select(m => (int)m!));
    }

    async Task<List<JsonNode>> MichiganSeasonsAsync(string product) =>
        [.. JsonNode.Parse(await fixture.Client.GetStringAsync($"/api/patterns?product={Uri.EscapeDataString(product)}"))!.AsArray()
            .Where(c => (string?)c!["segment"]!["region"] == "Michigan" && c["segment"]!["months"]!.AsArray().Count > 0).Select(c => c!)];
}

public sealed class WeakMonthsSeasonOnSqlite(SqliteFixture fixture) : WeakMonthsSeasonTests(fixture), IClassFixture<SqliteFixture>;

public sealed class WeakMonthsSeasonOnPostgres(PostgresFixture fixture) : WeakMonthsSeasonTests(fixture), IClassFixture<PostgresFixture>;
