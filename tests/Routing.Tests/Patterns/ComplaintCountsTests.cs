using System.Text.Json.Nodes;
using Routing.Engine.Patterns;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// What a scan counts, by hand, the same on both stores (PostgreSQL counts in one pass of
/// grouping sets over slices of the table; SQLite a query per count): months of the year in
/// UTC, the unknown region as "", each attribute's values without the complaints that do not say.
public abstract class ComplaintCountsTests(RoutingFixture fixture)
{
    static JsonObject Complaint(string id, string receivedAt, string category, string? region, string? age = null,
        string? accessibility = null, string? channel = null, string? vendor = null, string? depot = null) => new()
    {
        ["id"] = id, ["receivedAt"] = receivedAt, ["product"] = "CC-1 cooker", ["category"] = category, ["region"] = region,
        ["ageGroup"] = age, ["accessibility"] = accessibility, ["channel"] = channel, ["vendor"] = vendor, ["depot"] = depot,
    };

    [Fact]
    public async Task Complaints_are_counted_by_month_region_and_each_attribute()
    {
        await fixture.Client.PostAsync("/api/complaints", AsNdjson([
            Complaint("cc-1", "2025-12-31T23:30:00Z", "quality", "Michigan", "75+", "visually impaired", "phone", "Acme", "North"),
            Complaint("cc-2", "2025-01-01T00:30:00+02:00", "quality", "Michigan", "75+", channel: "email"), // 31 December in UTC
            Complaint("cc-3", "2025-06-15T12:00:00Z", "quality", null, "18-29", "visually impaired", vendor: "Acme"),
            Complaint("cc-4", "2025-06-16T12:00:00Z", "supply", "Ohio", channel: "phone", depot: "North"),
        ]), Ndjson);

        var counts = await fixture.WithStoreAsync(db => ComplaintCounts.ReadAsync(db, CancellationToken.None));

        Assert.Equal(["quality  12 Michigan: 2", "quality  6 : 1", "supply  6 Ohio: 1"],
            counts.Monthly.Where(m => m.Product == "CC-1 cooker").Select(m => $"{m.Category}  {m.MonthOfYear} {m.Region}: {m.Complaints}").Order());
        IEnumerable<string> Of(string attribute) => counts.Attributes[attribute].Where(a => a.Product == "CC-1 cooker")
            .Select(a => $"{a.Category} {a.Value}: {a.Complaints}").Order();
        Assert.Equal(["quality 18-29: 1", "quality 75+: 2"], Of("ageGroup"));
        Assert.Equal(["quality visually impaired: 2"], Of("accessibility"));
        Assert.Equal(["quality email: 1", "quality phone: 1", "supply phone: 1"], Of("channel"));
        Assert.Equal(["quality Acme: 2"], Of("vendor"));
        Assert.Equal(["quality North: 1", "supply North: 1"], Of("depot"));
    }
}

public sealed class ComplaintCountsOnSqlite(SqliteFixture fixture) : ComplaintCountsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ComplaintCountsOnPostgres(PostgresFixture fixture) : ComplaintCountsTests(fixture), IClassFixture<PostgresFixture>;
