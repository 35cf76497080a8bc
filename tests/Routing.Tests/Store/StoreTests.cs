using Microsoft.EntityFrameworkCore;
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
}

public sealed class StoreOnSqlite(SqliteFixture fixture) : StoreTests(fixture), IClassFixture<SqliteFixture>;

public sealed class StoreOnPostgres(PostgresFixture fixture) : StoreTests(fixture), IClassFixture<PostgresFixture>;
