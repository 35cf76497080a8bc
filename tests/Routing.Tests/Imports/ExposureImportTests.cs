using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Imports;

/// A CSM imports units sold per product, region and month (ExposureImport): a later value for
/// a month replaces the earlier one and the history counts the replacement.
public abstract class ExposureImportTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    static JsonObject Sales(string product, string region, string month, JsonNode unitsSold) =>
        new() { ["product"] = product, ["region"] = region, ["month"] = month, ["unitsSold"] = unitsSold };

    Task<List<long>> UnitsAsync(string product) => fixture.WithStoreAsync(db => db.Exposure.Where(s => s.Product == product)
        .OrderBy(s => s.Region).ThenBy(s => s.Month).Select(s => s.UnitsSold).ToListAsync());

    [Fact]
    public async Task A_later_value_for_a_month_replaces_the_earlier_one_and_the_history_says_so()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        var first = await csm.PostAsync("/api/exposure", AsCsv([Sales(product, "Michigan", "2026-01", 9000), Sales(product, "Ohio", "2026-01", 400)],
            ["product", "region", "month", "unitsSold"]), Csv);
        Assert.Equal((HttpStatusCode.OK, 0L), (first.Status, (long)first.Body!["replaced"]!));

        var second = await csm.PostAsync("/api/exposure", AsNdjson([Sales(product, "Michigan", "2026-01", 9500), Sales(product, "Ohio", "2026-01", 400),
            Sales(product, "Ohio", "2026-02", "380")]), Ndjson);

        Assert.Equal((2, 1, 0, ""), Counts(second.Body));
        Assert.Equal(1, (long)second.Body!["replaced"]!);
        Assert.Equal([9500L, 400L, 380L], await UnitsAsync(product));
        var imported = await fixture.LatestEventAsync<ExposureImported>(HistoryKinds.ExposureImported);
        Assert.Equal((2L, 1L, 1L), (imported.Accepted, imported.Duplicates, imported.Replaced));
        Assert.Contains("1 of them replacing an earlier value", imported.Summary());
    }

    [Fact]
    public async Task Bad_rows_are_named_by_number_and_field_and_the_good_ones_are_stored()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var rows = AsJsonArray([Sales(product, "Michigan", "2026-03", 120), Sales(product, "Michigan", "2026-13", 5),
            Sales(product, "Michigan", "March 2026", 5), Sales(product, "Ohio", "2026-03", -5), Sales(product, "Ohio", "2026-04", 2.5),
            Sales(product, "", "2026-05", 1), Sales(product, "Ohio", "2026-06", 7)]);

        var (status, body) = await admin.PostAsync("/api/exposure", rows, Json);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((2, 0, 5, "2 month, 3 month, 4 unitsSold, 5 unitsSold, 6 region"), Counts(body));
        Assert.Equal([120L, 7L], await UnitsAsync(product));
    }

    [Fact]
    public async Task A_JSON_array_that_breaks_off_keeps_the_rows_before_and_names_where_it_broke()
    {
        var product = $"HX-200 {Guid.NewGuid():N}";
        var rows = AsJsonArray([Sales(product, "Michigan", "2026-03", 120), Sales(product, "Ohio", "2026-03", 80)]);

        var (_, body) = await admin.PostAsync("/api/exposure", rows[..^1] + ",{\"product\": ", Json);

        Assert.Equal((2, 0, 1, "3 line"), Counts(body));
        Assert.Equal([120L, 80L], await UnitsAsync(product));
    }
}

public sealed class ExposureImportOnSqlite(SqliteFixture fixture) : ExposureImportTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ExposureImportOnPostgres(PostgresFixture fixture) : ExposureImportTests(fixture), IClassFixture<PostgresFixture>;
