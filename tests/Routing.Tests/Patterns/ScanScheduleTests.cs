using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Routing.Engine.Complaints;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Engine.Imports;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Host.Imports;
using Routing.Host.Patterns;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// Scans nobody asks for: one a while after imports (however many, whichever way they came),
/// none for an import that stored nothing, one at a time, and one a day. The fixture's clock is
/// fake and its Hangfire server off: the tests move time and run the jobs as Hangfire would.
public abstract class ScanScheduleTests(RoutingFixture fixture)
{
    static readonly TimeSpan Delay = new PatternOptions().ScanAfterImport;

    async Task CheckAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PatternScanJobs>().ScanAfterImportAsync(CancellationToken.None);
    }

    /// The scans written after `since`, by whom, oldest first.
    Task<List<(string Actor, PatternsScanned Scan)>> ScansAsync(long since) => fixture.WithStoreAsync(async db =>
        (await db.History.AsNoTracking().Where(h => h.Sequence > since && h.Kind == HistoryKinds.PatternsScanned).OrderBy(h => h.Sequence)
            .Select(h => new { h.Actor, h.Data }).ToListAsync())
        .Select(h => (h.Actor, (PatternsScanned)HistoryData.Read(HistoryKinds.PatternsScanned, h.Data)!)).ToList());

    /// Runs whatever scan waits, then says where the history stands.
    async Task<long> SettledAsync()
    {
        fixture.Clock.Advance(Delay * 2);
        await CheckAsync();
        return await fixture.WithStoreAsync(db => db.History.MaxAsync(h => (long?)h.Sequence)) ?? 0;
    }

    Task ImportAsync(string batch) => fixture.Client.PostAsync("/api/complaints",
        AsNdjson(PlantedPatterns.Many("SC-1 stove", "quality", "Michigan", 3, 5, batch: batch)), Ndjson);

    [Fact]
    public async Task Imports_within_the_delay_make_one_scan_once_it_has_passed()
    {
        var since = await SettledAsync();

        await ImportAsync("a-");
        await CheckAsync();
        fixture.Clock.Advance(Delay / 2);
        // Units sold, imported as the CLI and the console do (not through the API).
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var units = AsNdjson([new JsonObject { ["product"] = "SC-1 stove", ["region"] = "Michigan", ["month"] = "2025-03", ["unitsSold"] = 500 }]);
            var rows = ImportFormat.Ndjson.Read(new MemoryStream(Encoding.UTF8.GetBytes(units)), CancellationToken.None);
            var summary = await scope.ServiceProvider.GetRequiredService<Routing.Engine.Exposure.ExposureImport>()
                .ImportAsync(rows, "system:cli", ImportSource.Cli("units.ndjson"), CancellationToken.None);
            Assert.Equal(1, summary!.Accepted);
        }
        await CheckAsync();
        Assert.Empty(await ScansAsync(since)); // the first import is half the delay old

        fixture.Clock.Advance(Delay / 2);
        await CheckAsync();
        var scan = Assert.Single(await ScansAsync(since));
        Assert.Equal(PatternScanJobs.AfterImportActor, scan.Actor);
        Assert.Equal(fixture.Clock.Now(), scan.Scan.StartedAt);

        // The second import, now the delay old, was in that scan: no other.
        await CheckAsync();
        fixture.Clock.Advance(Delay);
        await CheckAsync();
        Assert.Single(await ScansAsync(since));

        // An import that stores nothing new (the same complaints again) needs no scan…
        await ImportAsync("a-");
        fixture.Clock.Advance(Delay * 2);
        await CheckAsync();
        Assert.Single(await ScansAsync(since));

        // …one that does, its own.
        await ImportAsync("b-");
        fixture.Clock.Advance(Delay);
        await CheckAsync();
        Assert.Equal(2, (await ScansAsync(since)).Count);
    }

    [Fact]
    public async Task Checks_at_once_make_one_scan()
    {
        var since = await SettledAsync();
        await ImportAsync("c-");
        fixture.Clock.Advance(Delay);

        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(CheckAsync)));

        Assert.Single(await ScansAsync(since));
    }

    [Fact]
    public async Task The_check_and_the_daily_scan_are_recurring_jobs_and_the_daily_one_scans()
    {
        var since = await SettledAsync();
        var recurring = new RecurringJobs();
        PatternScanSchedule.Register(recurring, new PatternOptions { DailyScanCron = "30 4 * * *" });

        Assert.Equal(("ScanDailyAsync", "30 4 * * *"), recurring.Jobs[PatternScanJobs.DailyJobId]);
        Assert.Equal(("ScanAfterImportAsync", "*/15 * * * * *"), recurring.Jobs[PatternScanJobs.AfterImportJobId]);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<PatternScanJobs>().ScanDailyAsync(CancellationToken.None);
        Assert.Equal(PatternScanJobs.DailyActor, Assert.Single(await ScansAsync(since)).Actor);
    }
}

/// What a host registers with Hangfire, kept rather than stored: Hangfire's own manager logs
/// through a process-wide logger that the tests' many hosts dispose of in turn.
sealed class RecurringJobs : IRecurringJobManager
{
    public Dictionary<string, (string Method, string Cron)> Jobs { get; } = [];

    public void AddOrUpdate(string recurringJobId, Hangfire.Common.Job job, string cronExpression, RecurringJobOptions options) =>
        Jobs[recurringJobId] = (job.Method.Name, cronExpression);

    public void Trigger(string recurringJobId) => throw new NotSupportedException();

    public void RemoveIfExists(string recurringJobId) => Jobs.Remove(recurringJobId);
}

public sealed class ScanScheduleOnSqlite(SqliteFixture fixture) : ScanScheduleTests(fixture), IClassFixture<SqliteFixture>;

public sealed class ScanScheduleOnPostgres(PostgresFixture fixture) : ScanScheduleTests(fixture), IClassFixture<PostgresFixture>;

/// The scans' settings are checked at start.
public sealed class ScanScheduleSettingsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("1.00:00:01")]
    public void A_delay_of_nothing_or_past_the_look_back_is_named(string delay)
    {
        var problem = new PatternOptions { ScanAfterImport = TimeSpan.Parse(delay) }.Problem();

        Assert.StartsWith("Routing:Patterns:ScanAfterImport must", problem);
    }

    [Fact]
    public async Task A_daily_scan_time_that_is_no_cron_stops_the_start()
    {
        await using var store = TestStore.Sqlite();
        await using var app = new RoutingApplication(store, new FakeTimeProvider(RoutingFixture.Start))
        {
            Extra = new() { ["Routing:Patterns:DailyScanCron"] = "at three" },
        };

        Assert.Contains("Routing:Patterns:DailyScanCron (at three) is not a cron expression", app.WhyStartFails());
    }
}
