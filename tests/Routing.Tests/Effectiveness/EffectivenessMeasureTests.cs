using System.Net;
using System.Text.Json.Nodes;
using Routing.Engine.Effectiveness;
using Routing.Engine.Reports;
using Routing.Engine.WorkItems;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Effectiveness;

/// The criterion's numbers counted from the store, by hand: a product sold in Michigan (300 units a
/// month) and Ohio (700), January to November 2026, with 2 quality complaints a month in Michigan
/// and 1 in Ohio, each on the 5th.
public abstract class EffectivenessMeasureTests(RoutingFixture fixture)
{
    readonly string product = $"EM-{Guid.NewGuid():N}"[..12];

    async Task SeedAsync()
    {
        var sales = new List<JsonObject>();
        var complaints = new List<JsonObject>();
        for (var month = 1; month <= 11; month++)
        {
            sales.Add(new() { ["product"] = product, ["region"] = "Michigan", ["month"] = $"2026-{month:D2}", ["unitsSold"] = 300 });
            sales.Add(new() { ["product"] = product, ["region"] = "Ohio", ["month"] = $"2026-{month:D2}", ["unitsSold"] = 700 });
            foreach (var (region, count) in new[] { ("Michigan", 2), ("Ohio", 1) })
                for (var i = 0; i < count; i++)
                {
                    var c = Complaint($"{product}-{region}-{month}-{i}", product, receivedAt: $"2026-{month:D2}-05T10:00:00Z");
                    c["region"] = region;
                    c["ageGroup"] = i == 0 ? "65+" : "30-49";
                    complaints.Add(c);
                }
        }
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync("/api/exposure", AsNdjson(sales), Ndjson)).Status);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync("/api/complaints", AsNdjson(complaints), Ndjson)).Status);
    }

    Report Report(string? region, string? ageGroup = null) => new()
    {
        Title = "t", Product = product, Category = "quality", Severity = "high", VerifiedBy = "csm-dana", PatternKey = "k",
        Region = region, AgeGroup = ageGroup, UnitsSold = 3300, AffectedUnits = 22,
    };

    static WorkItem Item() => new() { Id = Guid.NewGuid(), Department = "manufacturing", Priority = "P2", State = "Resolved" };

    Task<ItemEffectiveness?> FixAsync(Report report, DateTimeOffset at, EffectivenessChoice? choice = null) =>
        fixture.WithStoreAsync(db => new EffectivenessMeasure(db).FixAsync(Item(), report, at, "head", choice, CancellationToken.None));

    [Fact]
    public async Task The_criterion_of_a_region_is_its_year_before_the_fix_against_the_rest_of_the_product()
    {
        await SeedAsync();
        var c = (await FixAsync(Report("Michigan"), new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero)))!;

        // December's units are not imported: the year before ends with November, and starts with
        // January, the first month imported.
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 1)), (c.BeforeFrom, c.BeforeTo));
        Assert.Equal((22L, 3300.0), (c.BeforeComplaints, c.BeforeUnits));
        // Ohio: 11 on 7,700 = 0.143%; Michigan 0.667% halved is 0.333%, the higher: the target.
        Assert.Equal(11.0 / 7700, c.BaselineRate!.Value, 12);
        Assert.Equal(22.0 / 3300 / 2, c.Target, 12);
        Assert.False(c.Loosened);
        // Watched from the day after the fix, 30 days.
        Assert.Equal((new DateOnly(2026, 12, 11), new DateOnly(2027, 1, 10)), (c.AfterFrom, c.AfterTo));
    }

    [Fact]
    public async Task A_segment_of_a_customer_attribute_is_halved_and_counts_the_units_of_its_region()
    {
        await SeedAsync();
        var c = (await FixAsync(Report("Michigan", ageGroup: "65+"), new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero)))!;

        Assert.Equal((11L, 3300.0), (c.BeforeComplaints, c.BeforeUnits));
        Assert.Null(c.BaselineRate);
        Assert.Equal(11.0 / 3300 / 2, c.Target, 12);
    }

    [Fact]
    public async Task Units_are_pro_rated_by_day_and_the_department_may_set_a_higher_target_that_is_marked_loosened()
    {
        await SeedAsync();
        var rate = await fixture.WithStoreAsync(db => new EffectivenessMeasure(db).CountAsync(
            new EffectivenessSegment(product, "quality", "Michigan", [], null, null, null, null, null),
            new DateOnly(2026, 3, 16), new DateOnly(2026, 4, 16), CancellationToken.None));
        // 16 of March's 31 days and 15 of April's 30: 300 × 16/31 + 150; only April's complaints (the 5th).
        Assert.Equal(300.0 * 16 / 31 + 150, rate.UnitsSold, 9);
        Assert.Equal(2, rate.Complaints);

        var loose = (await FixAsync(Report("Michigan"), new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero), new(0.005, 45)))!;
        Assert.Equal((0.005, true, 45), (loose.Target, loose.Loosened, loose.WindowDays));
        Assert.Equal(new DateOnly(2027, 1, 25), loose.AfterTo);
    }

    [Fact]
    public async Task After_the_fix_only_days_whose_units_sold_are_imported_count()
    {
        await SeedAsync();
        var december = Complaint($"{product}-december", product, receivedAt: "2026-12-05T10:00:00Z");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client.PostAsync("/api/complaints", AsNdjson([december]), Ndjson)).Status);
        var c = (await FixAsync(Report("Michigan"), new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)))!;
        Assert.Equal((new DateOnly(2026, 11, 21), new DateOnly(2026, 12, 21)), (c.AfterFrom, c.AfterTo));

        // December's units are not imported: its complaint would count over no units. The window
        // counts 21–30 November: 10 of November's 30 days of 300 units, and no complaint.
        var after = await fixture.WithStoreAsync(db => new EffectivenessMeasure(db).AfterAsync(c, c.AfterTo, CancellationToken.None));
        Assert.Equal((0L, 100.0, new DateOnly(2026, 12, 1)), (after.Complaints, Math.Round(after.UnitsSold, 9), after.To));
    }

    [Fact]
    public async Task A_product_without_units_sold_is_judged_by_recurrence()
    {
        await SeedAsync();
        var other = Report("Michigan");
        other.Product = "Never-sold";
        Assert.Null(await FixAsync(other, DateTimeOffset.UtcNow));
        var noNumbers = Report("Michigan");
        (noNumbers.UnitsSold, noNumbers.AffectedUnits) = (null, null);
        Assert.Null(await FixAsync(noNumbers, new DateTimeOffset(2026, 12, 10, 0, 0, 0, TimeSpan.Zero)));
    }
}

public sealed class EffectivenessMeasureOnSqlite(SqliteFixture fixture) : EffectivenessMeasureTests(fixture), IClassFixture<SqliteFixture>;

public sealed class EffectivenessMeasureOnPostgres(PostgresFixture fixture) : EffectivenessMeasureTests(fixture), IClassFixture<PostgresFixture>;
