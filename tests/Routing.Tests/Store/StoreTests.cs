using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Notifications;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Store;

public abstract class StoreTests(RoutingFixture fixture)
{
    [Fact]
    public async Task Accepted_reports_survive_a_restart()
    {
        var receipt = await fixture.Client.SubmitAsync(Reports.Valid("design"));

        await fixture.RestartAsync();

        var report = await fixture.Client.GetJsonAsync($"/api/reports/{receipt["reportId"]}");
        Assert.Equal(["rnd"], report["workItems"]!.AsArray().Select(i => (string)i!["workItem"]!["department"]!));
        var versions = await fixture.WithStoreAsync(db => db.Rulesets.Select(r => r.Version).ToListAsync());
        Assert.Equal([1], versions);
    }

    [Fact]
    public async Task Accepting_a_report_appends_its_acceptance_routing_and_items_to_the_history_chain()
    {
        var receipt = await fixture.Client.SubmitAsync(Reports.Valid("quality").With("vendor", "acme-parts"));
        var reportId = Guid.Parse((string)receipt["reportId"]!);

        var events = await fixture.WithStoreAsync(db => db.History.Where(e => e.ReportId == reportId).OrderBy(e => e.Sequence).ToListAsync());

        Assert.Equal(["report.accepted", "report.routed", "work-item.routed", "work-item.routed"], events.Select(e => e.Kind));
        Assert.Contains("\"rulesetVersion\":1", events[1].Data);
        Assert.Contains("QualityDefectToManufacturing", events[1].Data);
        Assert.Contains("ThirdPartyToVendor", events[1].Data);
        await fixture.SealHistoryAsync();
        var verify = await fixture.Client.GetJsonAsync("/api/history/verify");
        Assert.True((bool)verify["ok"]!);
        Assert.True((int)verify["events"]! >= events.Count);
    }

    [Fact]
    public async Task A_list_changed_in_place_is_stored()
    {
        var receipt = await fixture.Client.SubmitAsync(Reports.Valid("design"));
        var reportId = Guid.Parse((string)receipt["reportId"]!);

        await fixture.WithStoreAsync(async db =>
        {
            var report = await db.Reports.SingleAsync(r => r.Id == reportId);
            report.Evidence.Add("ticket-added-later");
            return await db.SaveChangesAsync();
        });

        var evidence = await fixture.WithStoreAsync(db => db.Reports.Where(r => r.Id == reportId).Select(r => r.Evidence).SingleAsync());
        Assert.Contains("ticket-added-later", evidence);
    }

    [Fact]
    public async Task Rows_written_together_are_stored_as_saving_them_one_by_one_stores_them()
    {
        var due = new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.Zero).AddTicks(1234);
        List<object> Rows(string batch) =>
        [
            new WorkItemTimer { Id = Guid.NewGuid(), WorkItemId = Guid.NewGuid(), Step = batch, Round = 2, DueAt = due, Status = TimerStatus.Cancelled },
            new WorkItemTimer { Id = Guid.NewGuid(), WorkItemId = Guid.NewGuid(), Step = batch, DueAt = due.AddDays(1), HandedOffAt = due, FiredAt = due },
            new Notification { Id = Guid.NewGuid(), Event = batch, Department = "rnd", Payload = "{\"a\":\"é\"}", Status = NotificationStatus.Sending, CreatedAt = due, NextAttemptAt = due },
            new Notification { Id = Guid.NewGuid(), Event = batch, Department = "rnd", Role = "escalation", Channel = "email", To = "a@b.example", Payload = "{}", RulesetVersion = 3 },
            .. Enumerable.Range(0, 3).Select(i => new HistoryEvent { Actor = batch, Kind = $"k{i}", Data = $"{{\"n\":{i}}}", At = due }),
            new HistoryEvent { Actor = batch, Kind = "k3", Data = "{}", At = due, ReportId = Guid.NewGuid(), WorkItemId = Guid.NewGuid(), Department = "rnd", ActorKeyId = Guid.NewGuid() },
        ];
        var saved = Rows("saved");
        var together = Rows("together");
        await fixture.WithStoreAsync(async db =>
        {
            db.AddRange(saved);
            await db.SaveChangesAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.AddRange(together);
            await AddedRows.InsertAsync<WorkItemTimer>(db, default);
            await AddedRows.InsertAsync<Notification>(db, default);
            await AddedRows.InsertAsync<HistoryEvent>(db, default);
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State == EntityState.Added);
            await tx.CommitAsync();
            return 0;
        });

        async Task<string> Stored(string batch) => System.Text.Json.JsonSerializer.Serialize(await fixture.WithStoreAsync(async db => new
        {
            Timers = (await db.Timers.AsNoTracking().Where(t => t.Step == batch).OrderBy(t => t.DueAt).ToListAsync())
                .Select(t => new { t.Round, t.DueAt, t.Status, t.HandedOffAt, t.FiredAt }),
            Notifications = (await db.Notifications.AsNoTracking().Where(n => n.Event == batch).OrderBy(n => n.CreatedAt).ToListAsync())
                .Select(n => new { n.Department, n.Role, n.Channel, n.To, n.Payload, n.Status, n.CreatedAt, n.NextAttemptAt, n.RulesetVersion, n.Attempts }),
            // In the order they were added: their sequence is the history's order.
            History = (await db.History.AsNoTracking().Where(e => e.Actor == batch).OrderBy(e => e.Sequence).ToListAsync())
                .Select(e => new { e.Kind, e.Data, e.At, Report = e.ReportId != null, Item = e.WorkItemId != null, e.Department, Key = e.ActorKeyId != null }),
        }));
        var expected = await Stored("saved");
        Assert.Contains("\"k0\"", expected);
        Assert.Equal(expected, await Stored("together"));
    }
}

public sealed class StoreOnSqlite(SqliteFixture fixture) : StoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class StoreOnPostgres(PostgresFixture fixture) : StoreTests(fixture), IClassFixture<PostgresFixture>;
