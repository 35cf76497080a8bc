using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Patterns;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// What a scan counts, by hand, the same on both stores: months of the year in UTC, the unknown
/// region as "", each attribute's values without the complaints that do not say. The counts come
/// from tallies each import's batches add (ComplaintTallies), so they must equal the complaints
/// counted after an import, a file sent again, folds beside imports, a recount of complaints
/// written with SQL, and on a store that had complaints before the tallies existed.
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

    [Fact]
    public async Task The_counts_equal_the_complaints_stored_through_imports_folds_and_an_upgrade()
    {
        await fixture.Client.PostAsync("/api/complaints", AsNdjson(Enumerable.Range(0, 60).Select(Drawn)), Ndjson);
        await AssertCountsAsync();

        // The same file again with more, and a used id with other content: stored ones count once, the rejected one never.
        var again = Enumerable.Range(30, 60).Select(Drawn).Append(Drawn(1000).With("id", "tc-3"));
        var (_, summary) = await fixture.Client.PostAsync("/api/complaints", AsNdjson(again), Ndjson);
        var (accepted, duplicates, rejected, _) = Counts(summary);
        Assert.Equal((30L, 30L, 1L), (accepted, duplicates, rejected));
        Assert.True(await fixture.WithStoreAsync(db => db.ComplaintTallies.CountAsync()) >= 2);
        await AssertCountsAsync();

        // Read once, the rows are one.
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.ComplaintTallies.CountAsync()));

        // Written with SQL, counted again by Fill.
        var postgres = await fixture.WithStoreAsync(db => Task.FromResult(db.Database.IsNpgsql()));
        var fill = ComplaintTallies.Fill(postgres);
        await fixture.WithStoreAsync(db => db.Database.ExecuteSqlRawAsync("""
            UPDATE complaints SET "Depot" = 'South', "Region" = NULL WHERE "Id" LIKE 'tc-1%';
            DELETE FROM complaints WHERE "Id" = 'tc-2';
            """));
        await fixture.WithStoreAsync(db => db.Database.ExecuteSqlRawAsync(fill));
        await AssertCountsAsync();

        // A store from before the tallies: taken back to the migration before them, changed, and up again.
        await fixture.UpgradeFromAsync("OverdueFromTheInboxIndex", "UPDATE complaints SET \"Vendor\" = 'Vendor 7' WHERE \"Id\" LIKE 'tc-4%'");
        await AssertCountsAsync();
    }

    [Fact]
    public async Task Folds_beside_imports_neither_lose_nor_double_a_complaint()
    {
        for (var i = 0; i < 5; i++)
            await fixture.Client.PostAsync("/api/complaints", AsNdjson(Enumerable.Range(3000 + 20 * i, 20).Select(Drawn)), Ndjson);
        var imports = Enumerable.Range(0, 3).Select(i => fixture.Client.PostAsync("/api/complaints",
            AsNdjson(Enumerable.Range(2000 + 300 * i, 300).Select(Drawn)), Ndjson));
        var folds = Enumerable.Range(0, 8).Select(_ => Task.Run(() => fixture.WithStoreAsync(db => ComplaintCounts.ReadAsync(db, CancellationToken.None))));
        await Task.WhenAll([.. folds, .. imports]);

        await AssertCountsAsync();
    }

    static JsonObject Drawn(int i) => Complaint($"tc-{i}", $"2025-{1 + i % 12:D2}-{1 + i % 27:D2}T{i % 24:D2}:10:00Z", i % 3 == 0 ? "supply" : "quality",
        i % 5 == 0 ? null : i % 11 == 0 ? "Île-de-France \"Nord\"" : $"Region {i % 4}", i % 2 == 0 ? "75+" : null, i % 7 == 0 ? "visually impaired" : null, i % 3 == 1 ? "phone" : "email",
        i % 4 == 0 ? $"Vendor {i % 3}" : null, i % 6 == 0 ? "North" : null);

    async Task AssertCountsAsync()
    {
        var (complaints, counts) = await fixture.WithStoreAsync(async db => (await db.Complaints.AsNoTracking().ToListAsync(),
            await ComplaintCounts.ReadAsync(db, CancellationToken.None)));
        Assert.NotEmpty(complaints);
        var read = counts.Monthly.Select(m => $"{m.Product} {m.Category} region {m.Region} {m.MonthOfYear}: {m.Complaints}")
            .Concat(counts.Attributes.SelectMany(a => a.Value.Select(c => $"{c.Product} {c.Category} {a.Key} {c.Value} 0: {c.Complaints}")));
        Assert.Equal(Expected(complaints).Order(), read.Order());
    }

    /// The cells counted from the complaints themselves, one line each.
    static List<string> Expected(List<Routing.Engine.Complaints.Complaint> complaints)
    {
        var cells = complaints.Select(c => (c.Product, c.Category, Attribute: "region", Value: c.Region ?? "", c.ReceivedAt.UtcDateTime.Month))
            .Concat(complaints.SelectMany(c => ((string, string?)[])[("ageGroup", c.AgeGroup), ("accessibility", c.Accessibility), ("channel", c.Channel),
                ("vendor", c.Vendor), ("depot", c.Depot)], (c, a) => (c.Product, c.Category, Attribute: a.Item1, Value: a.Item2 ?? "", Month: 0))
                .Where(x => x.Value != ""));
        return [.. cells.GroupBy(x => x).Select(g => $"{g.Key.Product} {g.Key.Category} {g.Key.Attribute} {g.Key.Value} {g.Key.Item5}: {g.Count()}")];
    }
}

public sealed class ComplaintCountsOnSqlite(SqliteFixture fixture) : ComplaintCountsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ComplaintCountsOnPostgres(PostgresFixture fixture) : ComplaintCountsTests(fixture), IClassFixture<PostgresFixture>;
