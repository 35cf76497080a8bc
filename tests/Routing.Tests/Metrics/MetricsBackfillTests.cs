using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.WorkItems;
using Routing.Tests.Calendars;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Metrics;

/// A store from before the facts is upgraded to what recording them live would have written:
/// the migration fills who submitted each report and the rules of each item from what the
/// history and the items say; at start the backfill replays each item's history to its facts.
/// The story is made through the API with the facts recorded live, then the store is taken back
/// to the migration before them (which drops their columns and tables) and started again.
public abstract class MetricsBackfillTests(MetricsBackfillFixture fixture)
{
    const string Berlin = "Europe/Berlin";
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task An_upgraded_store_has_the_facts_recording_them_live_would_have_written()
    {
        var monday = At(Berlin, 2026, 11, 30, 9); // a week without holidays on office-berlin, as is the next
        await fixture.AdvanceToAsync(monday);
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));

        var escalated = await NewAsync(Reports.Valid("supply", "critical"), "logistics");
        var cancelled = await NewAsync(Reports.Valid("supply", "critical"), "logistics");
        var scar = await NewAsync(Reports.Valid("third-party", "medium").With("vendor", "acme-parts"), "acme-parts");
        var urgent = Reports.Valid("supply", "low").With("segment.region", "Idaho");
        var reprioritized = await NewAsync(urgent, "logistics");
        var undone = await NewAsync(Reports.Valid("supply"), "logistics");
        var handedBack = await NewAsync(Reports.Valid("supply"), "logistics");
        var recurring = Reports.Valid("supply", "medium").With("segment.region", "Ohio");
        var reopened = await NewAsync(recurring, "logistics");
        await admin.DoAsync(reopened, "acknowledge");
        await admin.DoAsync(reopened, "resolve", "fixed");
        // Submitted by a CSM, to manufacturing and rnd: manufacturing cancels, rnd's fix is verified.
        var seasonal = await csm.SubmitAsync(Reports.Valid("quality", "critical").With("segment.months", new JsonArray(12, 1, 2)));
        await admin.DoAsync((string)seasonal.Item("manufacturing")["id"]!, "cancel", "not a production fault");
        var rnd = (string)seasonal.Item("rnd")["id"]!;
        await admin.DoAsync(rnd, "acknowledge");

        await fixture.AdvanceToAsync(monday.AddMinutes(30));
        await admin.DoAsync(cancelled, "cancel", "a duplicate");
        await fixture.AdvanceToAsync(monday.AddHours(1));
        await admin.DoWithAsync(scar, "confirm-containment", new Dictionary<string, object>
        {
            ["containment"] = "Lot 7731 quarantined", ["containment.confirmedBy"] = "A. Vendor",
        });
        await admin.DoAsync(rnd, "resolve", "redesigned the board");
        await fixture.AdvanceToAsync(monday.AddHours(2));
        await admin.SubmitAsync(urgent.DeepClone().AsObject().With("severity", "critical"));
        await fixture.AdvanceToAsync(monday.AddHours(3));
        var browser = ConsoleBrowser.Open(fixture.App);
        var page = await (await browser.SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"), "/console/inbox?department=logistics"))
            .Content.ReadAsStringAsync();
        await ConsoleActAsync(undone, "hand-back", 1, "a vendor problem");
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await ConsoleActAsync(undone, "undo", 2);
        await ConsoleActAsync(handedBack, "hand-back", 1, "a vendor problem");
        await fixture.AdvanceToAsync(monday.AddHours(5));
        await admin.DoAsync(reprioritized, "acknowledge");
        await fixture.AdvanceToAsync(monday.AddHours(7));
        await admin.DoWithAsync(scar, "propose-cause", new Dictionary<string, object>
        {
            ["rootCause.method"] = "fishbone", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die",
            ["correctiveAction.due"] = "2027-03-01",
        });
        await fixture.AdvanceToAsync(monday.AddDays(1).AddHours(1));
        await csm.DoWithAsync(scar, "accept-cause", null);
        await fixture.AdvanceToAsync(monday.AddDays(1).AddHours(2));
        await admin.DoWithAsync(scar, "resolve", new Dictionary<string, object>
        {
            ["correctiveAction.taken"] = "Die replaced", ["preventiveAction"] = "Die wear checked weekly",
        });
        await fixture.AdvanceToAsync(monday.AddDays(2).AddHours(1));
        await admin.DoAsync(escalated, "acknowledge");
        await fixture.AdvanceToAsync(monday.AddDays(2).AddHours(2));
        await admin.DoAsync(escalated, "resolve", "fixed");
        await fixture.AdvanceToAsync(monday.AddDays(3));
        await admin.SubmitAsync(recurring.DeepClone());
        // A week on: rnd's and the escalated item's fixes verified, the recurring one reopened.
        await fixture.AdvanceToAsync(monday.AddDays(15));

        var live = await ReadAsync();
        Assert.Equal(["Reopened", "Verified", "Verified"],
            (await Task.WhenAll(new[] { reopened, rnd, escalated }.Select(async id => (await admin.GetItemAsync(id)).State()))).Order());
        Assert.Contains(live.Items, i => i.HandedBackAt is not null);
        Assert.Contains(live.Reports, r => r.FixedAt is not null);
        Assert.Contains(live.Rules, r => r.Rule == "ThirdPartyToVendor");

        Assert.Contains(live.Items, i => i is { AcknowledgedAt: not null, FirstResolvedAt: not null, ReopenedCount: 1 });

        await fixture.UpgradeFromBeforeFactsAsync(async () =>
        {
            // Migrated, not yet started: the migration filled what history and the items say, nothing else.
            var migrated = await ReadAsync();
            Assert.Equal(live.Rules, migrated.Rules);
            Assert.Equal(live.Reports.Select(r => (r.Id, r.SubmittedBy)), migrated.Reports.Select(r => (r.Id, r.SubmittedBy)));
            Assert.All(migrated.Items, i => Assert.Equal((0, null, null), (i.MetricsVersion, i.AcknowledgedAt, i.HandedBackAt)));
        });

        var upgraded = await ReadAsync();
        Assert.Equal(live.Reports, upgraded.Reports);
        Assert.Equal(live.Items, upgraded.Items);

        // A start after a crash goes on with the items not yet done.
        await using (var db = fixture.Store.Open())
            await db.WorkItems.Where(w => w.Id == Guid.Parse(scar)).ExecuteUpdateAsync(s => s
                .SetProperty(w => w.MetricsVersion, 0).SetProperty(w => w.FirstResolvedAt, (DateTimeOffset?)null).SetProperty(w => w.ResolvePausedSeconds, 0));
        await fixture.RestartAsync();
        Assert.Equal(live.Items, (await ReadAsync()).Items);

        // An item not yet backfilled that moves meanwhile (a host of the older version beside): the move records
        // nothing — its first acknowledgement is in its history, not now — and the next start replays it all.
        var acknowledged = live.Items.Single(i => i.Id == Guid.Parse(reprioritized));
        await using (var db = fixture.Store.Open())
            await db.WorkItems.Where(w => w.Id == acknowledged.Id).ExecuteUpdateAsync(s => s.SetProperty(w => w.MetricsVersion, 0)
                .SetProperty(w => w.AcknowledgedAt, (DateTimeOffset?)null).SetProperty(w => w.AckTookSeconds, (long?)null).SetProperty(w => w.AckMet, (bool?)null));
        await fixture.Client.DoAsync(reprioritized, "resolve", "fixed");
        Assert.Equal((0, null, null), (await ReadAsync()).Items.Where(i => i.Id == acknowledged.Id).Select(i => (i.MetricsVersion, i.AcknowledgedAt, i.FirstResolvedAt)).Single());
        await fixture.RestartAsync();
        var replayed = (await ReadAsync()).Items.Single(i => i.Id == acknowledged.Id);
        Assert.Equal((acknowledged.AcknowledgedAt, acknowledged.AckTookSeconds, fixture.Clock.GetUtcNow()), (replayed.AcknowledgedAt, replayed.AckTookSeconds, replayed.FirstResolvedAt));

        async Task<string> NewAsync(JsonObject report, string department) => (string)(await admin.SubmitAsync(report)).Item(department)["id"]!;

        async Task ConsoleActAsync(string item, string action, int version, string? note = null) =>
            Assert.Equal(HttpStatusCode.OK, (await browser.PostAsync("/console/inbox?department=logistics&handler=Act&confirmed=true",
                ConsoleBrowser.Form(page, new() { ["item"] = item, ["action"] = action, ["version"] = version.ToString(), ["note"] = note ?? "" }))).StatusCode);
    }

    sealed record Facts(Guid Id, DateTimeOffset? AcknowledgedAt, long? AckTookSeconds, bool? AckMet, DateTimeOffset? FirstResolvedAt,
        long? ResolveTookSeconds, bool? ResolveMet, long AckPausedSeconds, long ResolvePausedSeconds, DateTimeOffset? VerifiedAt,
        int ReopenedCount, DateTimeOffset? HandedBackAt, int MetricsVersion);

    sealed record ReportFacts(Guid Id, string? SubmittedBy, DateTimeOffset? FixedAt);

    sealed record RuleRow(Guid WorkItemId, string Rule, int RulesetVersion, string Department, DateTimeOffset CreatedAt);

    sealed record Stored(List<Facts> Items, List<ReportFacts> Reports, List<RuleRow> Rules);

    async Task<Stored> ReadAsync()
    {
        await using var db = fixture.Store.Open();
        var items = await db.WorkItems.AsNoTracking().Select(w => new Facts(w.Id, w.AcknowledgedAt, w.AckTookSeconds, w.AckMet,
            w.FirstResolvedAt, w.ResolveTookSeconds, w.ResolveMet, w.AckPausedSeconds, w.ResolvePausedSeconds, w.VerifiedAt,
            w.ReopenedCount, w.HandedBackAt, w.MetricsVersion)).ToListAsync();
        var reports = await db.Reports.AsNoTracking().Select(r => new ReportFacts(r.Id, r.SubmittedBy, r.FixedAt)).ToListAsync();
        var rules = await db.WorkItemRules.AsNoTracking()
            .Select(r => new RuleRow(r.WorkItemId, r.Rule, r.RulesetVersion, r.Department, r.CreatedAt)).ToListAsync();
        return new([.. items.OrderBy(i => i.Id)], [.. reports.OrderBy(r => r.Id)], [.. rules.OrderBy(r => r.WorkItemId).ThenBy(r => r.Rule)]);
    }
}

/// A host on calendars (CalendarScenarioFixture) whose store can be taken back to before the facts.
public abstract class MetricsBackfillFixture(TestStore store) : CalendarScenarioFixture(store)
{
    /// Stops the host, migrates the store down to the migration before Accountability and up again
    /// (`migrated` sees it then), and starts the host, which backfills as on a store from before.
    public async Task UpgradeFromBeforeFactsAsync(Func<Task> migrated)
    {
        Client.Dispose();
        await App.DisposeAsync();
        await using (var db = Store.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync("SlaOnCalendars");
            await db.Database.MigrateAsync();
        }
        await migrated();
        await InitializeAsync();
    }
}

public sealed class SqliteMetricsBackfillFixture() : MetricsBackfillFixture(TestStore.Sqlite());

public sealed class PostgresMetricsBackfillFixture() : MetricsBackfillFixture(TestStore.Postgres());

public sealed class MetricsBackfillOnSqlite(SqliteMetricsBackfillFixture fixture)
    : MetricsBackfillTests(fixture), IClassFixture<SqliteMetricsBackfillFixture>;

public sealed class MetricsBackfillOnPostgres(PostgresMetricsBackfillFixture fixture)
    : MetricsBackfillTests(fixture), IClassFixture<PostgresMetricsBackfillFixture>;
