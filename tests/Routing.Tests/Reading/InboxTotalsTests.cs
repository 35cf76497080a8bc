using Microsoft.EntityFrameworkCore;
using Routing.Engine.Access;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Departments;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Reading;

/// An inbox's totals come from the tallies the database keeps (WorkItemTallies), not from counting
/// every item ever routed: they must equal the count whatever changed the items — a move through the
/// API, a write straight into the store, an insert or a delete — before the tallies are folded and
/// after, and on a store that had items before the tallies existed.
public abstract class InboxTotalsTests(RoutingFixture fixture)
{
    [Fact]
    public async Task The_totals_equal_the_items_counted_whatever_changed_them()
    {
        var admin = fixture.Client;
        var supply = await admin.SubmitAsync(Reports.Valid("supply"));
        var design = await admin.SubmitAsync(Reports.Valid("design"));
        await admin.SubmitAsync(Reports.Valid("supply"));
        var (logistics, rnd) = ((string)supply.Item("logistics")["id"]!, (string)design.Item("rnd")["id"]!);
        await admin.DoAsync(logistics, "acknowledge");
        await admin.DoAsync(logistics, "resolve", "fixed");
        await admin.DoAsync(rnd, "hand-back", "not ours"); // R&D's item finished, one opened in triage
        await AssertTotalsAsync();

        // Straight into the store: an item moved to another department and state, a copy added, one deleted.
        var copy = Guid.NewGuid();
        await fixture.WithStoreAsync(async db =>
        {
            var moved = await db.WorkItems.SingleAsync(w => w.Id == Guid.Parse(logistics));
            (moved.Department, moved.State, moved.Stage) = ("strategy", "Verified", WorkItemStage.Final);
            var original = await db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == Guid.Parse(rnd));
            original.Id = copy;
            db.WorkItems.Add(original);
            return await db.SaveChangesAsync();
        });
        await AssertTotalsAsync();
        await fixture.WithStoreAsync(db => db.WorkItems.Where(w => w.Id == copy).ExecuteDeleteAsync());
        await fixture.WithStoreAsync(db => db.WorkItems.Where(w => w.Department == "rnd")
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.State, "Cancelled").SetProperty(w => w.Stage, WorkItemStage.Final)));
        await AssertTotalsAsync();

        // Folded: a row per department, stage and state, with the same totals.
        await fixture.WithStoreAsync(async db => { await WorkItemTallies.FoldAsync(db, CancellationToken.None); return 0; });
        var (rows, keys) = await fixture.WithStoreAsync(async db => (await db.WorkItemTallies.CountAsync(),
            await db.WorkItems.Select(w => new { w.Department, w.Stage, w.State }).Distinct().CountAsync()));
        Assert.Equal(keys, rows);
        await AssertTotalsAsync();

        // A store from before the tallies: taken back to the migration before them, and up again.
        await fixture.UpgradeFromAsync("AccountabilityByDepartmentAndTime",
            "UPDATE work_items SET \"State\" = 'Acknowledged', \"Stage\" = 'Resolution' WHERE \"Department\" = 'triage'");
        await AssertTotalsAsync();
    }

    [Fact]
    public async Task Every_trigger_that_keeps_the_tallies_is_in_the_migrated_store()
    {
        var (expected, stored) = await fixture.TriggersAsync(WorkItemTallies.DropPostgres, WorkItemTallies.DropSqlite);

        Assert.Equal(3, expected.Count);
        Assert.All(expected, name => Assert.Contains(name, stored));
    }

    /// Every department's inbox total, for every state and none, and its open items as the console
    /// counts them, against the items counted in the store.
    async Task AssertTotalsAsync()
    {
        var items = await fixture.WithStoreAsync(db => db.WorkItems.AsNoTracking()
            .Select(w => new { w.Department, w.State, Open = w.Stage != WorkItemStage.Final }).ToListAsync());
        Assert.NotEmpty(items);
        var admin = new Caller("admin", Roles.Admin, []);
        foreach (var department in items.Select(i => i.Department).Distinct())
        {
            var mine = items.Where(i => i.Department == department).ToList();
            var all = await fixture.Client.GetJsonAsync($"/api/departments/{department}/work-items?pageSize=1");
            Assert.Equal(mine.Count, (int)all["total"]!);
            foreach (var state in mine.Select(i => i.State).Distinct())
            {
                var inState = await fixture.Client.GetJsonAsync($"/api/departments/{department}/work-items?state={state}&pageSize=1");
                Assert.Equal(mine.Count(i => i.State == state), (int)inState["total"]!);
            }
            var (open, _) = await fixture.WithStoreAsync(db => InboxQuery.PageAsync(db, admin, department, InboxQuery.Open, 1, 1, CancellationToken.None));
            Assert.Equal(mine.Count(i => i.Open), open);
        }
    }
}

public sealed class InboxTotalsOnSqlite(SqliteFixture fixture) : InboxTotalsTests(fixture), IClassFixture<SqliteFixture>;

public sealed class InboxTotalsOnPostgres(PostgresFixture fixture) : InboxTotalsTests(fixture), IClassFixture<PostgresFixture>;
