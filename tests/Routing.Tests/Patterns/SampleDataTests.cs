using System.Net;
using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// The README's walkthrough on the files it names (samples/): the tickets and units sold go in,
/// the four patterns planted in them come out, and one becomes a routed report. SQLite only:
/// PatternScanTests holds the scan to the same results on both providers.
public sealed class SampleDataTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    readonly HttpClient admin = fixture.Client;

    static string Sample(string file) => File.ReadAllText(Path.Combine(RepositoryFolder.Root, "samples", file));

    [Fact]
    public async Task The_sample_tickets_show_their_four_planted_patterns_and_one_becomes_a_routed_report()
    {
        var tickets = await admin.PostAsync("/api/complaints", Sample("tickets.csv"), Csv);
        Assert.Equal((HttpStatusCode.OK, 0L), (tickets.Status, (long)tickets.Body!["rejected"]!));
        Assert.True((long)tickets.Body["accepted"]! > 2_000);
        var units = await admin.PostAsync("/api/exposure", Sample("units-sold.csv"), Csv);
        Assert.Equal((HttpStatusCode.OK, 0L, 432L), (units.Status, (long)units.Body!["rejected"]!, (long)units.Body["accepted"]!));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/patterns/scan", "", Json)).Status);

        var candidates = JsonNode.Parse(await admin.GetStringAsync("/api/patterns?status=open"))!.AsArray();
        JsonNode Planted(string product, string category, string field, JsonNode value) => Assert.Single(candidates, c =>
            (string)c!["product"]! == product && (string)c["category"]! == category
            && JsonNode.DeepEquals(c["segment"]![field], value)
            && c["segment"]!.AsObject().Count(p => p.Value is JsonValue) == 1)!;

        var winter = Assert.Single(candidates, c => (string)c!["product"]! == "HX-200 heater" && (string?)c["segment"]!["region"] == "Michigan"
            && c["segment"]!["months"]!.AsArray().Count > 0)!;
        Assert.Equal([11, 12, 1, 2, 3], winter["segment"]!["months"]!.AsArray().Select(m => (int)m!));
        Assert.Equal(("quality", "rate"), ((string)winter["category"]!, (string)winter["method"]!));
        Assert.True((double)winter["ratio"]! > 5);
        Planted("KT-10 kettle", "design", "accessibility", "visual");
        Planted("KT-10 kettle", "quality", "vendor", "Castle Electric");
        Planted("FanAir fan", "supply", "depot", "Depot 7");

        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        var (status, receipt) = await csm.PostAsync($"/api/patterns/{winter["id"]}/submit",
            """{ "severity": "high", "recommendation": "Check the igniter below -10 °C" }""", Json);
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Contains("manufacturing", receipt!["workItems"]!.AsArray().Select(w => (string)w!["department"]!));
    }
}
