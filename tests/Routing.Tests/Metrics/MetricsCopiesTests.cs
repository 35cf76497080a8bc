using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Effectiveness;
using Routing.Engine.Metrics;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Metrics;

/// Rule quality and the CSMs' account read copies the database keeps beside the rows they count (the
/// item's outcome on its rule rows, the report's receipt and submitter on its items, verified effective
/// on the report): they follow every write of what they copy, by a move or straight into the store, and
/// a store from before them gets them from its migration.
public abstract class MetricsCopiesTests(RoutingFixture fixture)
{
    [Fact]
    public async Task The_copies_follow_what_they_copy_and_an_upgraded_store_has_them()
    {
        var admin = fixture.Client;
        var cara = $"Cara {Guid.NewGuid():N}"[..12];
        var response = await admin.PostAsJsonAsync("/api/keys", new { name = cara, role = "csm", departments = Array.Empty<string>() });
        var csm = fixture.App.ClientWithKey((string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!);
        var supply = await csm.SubmitAsync(Reports.Valid("supply"));
        var design = await csm.SubmitAsync(Reports.Valid("design"));
        var (supplyReport, designReport) = (Guid.Parse((string)supply["reportId"]!), Guid.Parse((string)design["reportId"]!));
        var (logistics, rnd) = (Guid.Parse((string)supply.Item("logistics")["id"]!), Guid.Parse((string)design.Item("rnd")["id"]!));

        // Moves: logistics' item resolved, R&D's handed back (which opens one in triage for the same report).
        await admin.DoAsync(logistics.ToString(), "acknowledge");
        await admin.DoAsync(logistics.ToString(), "resolve", "fixed");
        await admin.DoAsync(rnd.ToString(), "hand-back", "not ours");
        var outcomes = await OutcomesAsync();
        Assert.Equal((false, true, false, false), outcomes[logistics].Flags);
        Assert.NotNull(outcomes[logistics].ResolveTookSeconds);
        Assert.Equal((true, false, false, false), outcomes[rnd].Flags);

        // Straight into the store: the logistics item verified and reopened, the supply report received earlier,
        // its fix judged effective by one check and then not by another.
        var received = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var fixedAt = received.AddDays(3);
        await fixture.WithStoreAsync(async db =>
        {
            var item = await db.WorkItems.SingleAsync(w => w.Id == logistics);
            (item.VerifiedAt, item.ReopenedCount) = (fixedAt.AddDays(14), 1);
            (await db.Reports.SingleAsync(r => r.Id == supplyReport)).ReceivedAt = received;
            db.Effectiveness.Add(Check(logistics, EffectivenessVerdicts.Effective, fixedAt));
            return await db.SaveChangesAsync();
        });
        Assert.Equal((false, true, true, true), (await OutcomesAsync())[logistics].Flags);
        Assert.True(await VerifiedEffectiveAsync(supplyReport));
        await fixture.WithStoreAsync(db =>
        {
            db.Effectiveness.Add(Check(logistics, EffectivenessVerdicts.NotEffective, fixedAt.AddDays(20)));
            return db.SaveChangesAsync();
        });
        Assert.False(await VerifiedEffectiveAsync(supplyReport));
        await fixture.WithStoreAsync(db =>
            db.Effectiveness.Where(e => e.WorkItemId == logistics && e.Verdict == EffectivenessVerdicts.NotEffective).ExecuteDeleteAsync());
        Assert.True(await VerifiedEffectiveAsync(supplyReport));

        var items = await ReportOfItemsAsync();
        Assert.Equal((received, cara), items[logistics]);
        // The triage item the hand-back opened is the design report's too.
        Assert.Equal(2, items.Values.Count(i => i.SubmittedBy == cara && i.ReceivedAt != received));
        var liveOutcomes = await OutcomesAsync();

        // A store from before the copies: taken back to the migration before them, and up again.
        fixture.Client.Dispose();
        await fixture.App.DisposeAsync();
        await using (var db = fixture.Store.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync("EmailNotifications");
            await db.Database.MigrateAsync();
        }
        await fixture.InitializeAsync();
        Assert.Equal(liveOutcomes, await OutcomesAsync());
        Assert.Equal(items, await ReportOfItemsAsync());
        Assert.Equal((true, false), (await VerifiedEffectiveAsync(supplyReport), await VerifiedEffectiveAsync(designReport)));
    }

    [Fact]
    public async Task Every_trigger_that_keeps_the_copies_is_in_the_migrated_store()
    {
        var (expected, stored) = await fixture.TriggersAsync(MetricsTriggers.DropPostgres, MetricsTriggers.DropSqlite);

        Assert.NotEmpty(expected);
        Assert.All(expected, name => Assert.Contains(name, stored));
    }

    static ItemEffectiveness Check(Guid item, string verdict, DateTimeOffset checkedAt) => new()
    {
        WorkItemId = item, Department = "logistics", Product = "HX-200 heater", Category = "supply", FixedBy = "test", Verdict = verdict,
        FixedAt = checkedAt.AddDays(-14), CheckedAt = checkedAt,
    };

    sealed record Outcome(bool HandedBack, bool Resolved, bool Verified, bool Reopened, long? ResolveTookSeconds)
    {
        public (bool, bool, bool, bool) Flags => (HandedBack, Resolved, Verified, Reopened);
    }

    /// Each item's outcome as its rule rows carry it (every row of an item the same).
    Task<Dictionary<Guid, Outcome>> OutcomesAsync() => fixture.WithStoreAsync(async db =>
        (await db.WorkItemRules.AsNoTracking().Select(r => new { r.WorkItemId, r.HandedBack, r.Resolved, r.Verified, r.Reopened, r.ResolveTookSeconds })
            .ToListAsync())
        .GroupBy(r => r.WorkItemId)
        .ToDictionary(g => g.Key, g => Assert.Single(g.Select(r => new Outcome(r.HandedBack, r.Resolved, r.Verified, r.Reopened, r.ResolveTookSeconds)).Distinct())));

    Task<Dictionary<Guid, (DateTimeOffset? ReceivedAt, string? SubmittedBy)>> ReportOfItemsAsync() => fixture.WithStoreAsync(async db =>
        (await db.WorkItems.AsNoTracking().Select(w => new { w.Id, w.ReportReceivedAt, w.ReportSubmittedBy }).ToListAsync())
        .ToDictionary(w => w.Id, w => (w.ReportReceivedAt, w.ReportSubmittedBy)));

    Task<bool> VerifiedEffectiveAsync(Guid report) =>
        fixture.WithStoreAsync(db => db.Reports.Where(r => r.Id == report).Select(r => r.VerifiedEffective).SingleAsync());
}

public sealed class MetricsCopiesOnSqlite(SqliteFixture fixture) : MetricsCopiesTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MetricsCopiesOnPostgres(PostgresFixture fixture) : MetricsCopiesTests(fixture), IClassFixture<PostgresFixture>;
