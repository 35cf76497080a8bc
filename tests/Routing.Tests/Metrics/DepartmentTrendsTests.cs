using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Routing.Workflows.Timers;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Metrics;

/// One week built by hand through the API with the fake clock, every figure counted by hand: the week of
/// Monday 2026-11-23, from the fixture's start on Tuesday 11-24 09:00 UTC. Critical items are due to be
/// acknowledged within 4 h (follow-ups every 2 h, two reminders, then escalation), resolved within 2 days,
/// checked a day after resolving. Logistics counts around the clock; R&D works on office-berlin (09–17).
public abstract class DepartmentTrendsTests(DepartmentTrendsFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task One_hand_built_week_gives_every_figure_then_is_kept_once_it_has_closed()
    {
        var start = fixture.Clock.GetUtcNow(); // Tue 09:00
        var reports = Enumerable.Range(0, 6).Select(_ => Reports.Valid("supply", "critical")).ToList();
        var items = new List<string>();
        foreach (var report in reports) items.Add((string)(await admin.SubmitAsync(report)).Item("logistics")["id"]!);
        async Task At(double hours, int item, string action, string? note = null)
        {
            await fixture.AdvanceToAsync(start.AddHours(hours));
            await admin.DoAsync(items[item], action, note);
        }
        // The clock stops at each timer's due time, so that what it fires happens then.
        async Task Through(params double[] hours)
        {
            foreach (var h in hours) await fixture.AdvanceToAsync(start.AddHours(h));
        }
        // Acknowledged after 1, 2, 3 and 6 h; the fifth never; the sixth cancelled.
        await At(0.5, 5, "cancel", "Duplicate");
        await At(1, 0, "acknowledge");
        await At(2, 1, "acknowledge");
        await At(3, 2, "acknowledge");
        await Through(4);
        await At(6, 3, "acknowledge"); // after the reminders at 13:00 and 15:00
        await Through(8); // Tue 17:00: the fifth escalates (reminded at 13:00 and 15:00).   — escalation 1
        await At(24, 0, "resolve", "Carrier changed"); // Wed 09:00: after 1 day, within SLA
        // Thu 09:00: the first is checked and verified; the second, third and fourth are past
        // their resolution due time and escalate (the fifth already has).     — escalations 2, 3, 4
        await Through(48);
        await At(72, 1, "resolve", "Depot restocked"); // Fri 09:00: after 3 days, past due
        // Fri 12:00: the pattern of the second comes back, so its check will reopen it.
        await fixture.AdvanceToAsync(start.AddHours(75));
        Assert.Equal(items[1], (string)(await admin.SubmitAsync(reports[1])).Item("logistics")["id"]!);
        // Fri 14:00 UTC (15:00 in Berlin): a design flaw for R&D, acknowledged on Monday.
        await fixture.AdvanceToAsync(start.AddHours(77));
        var design = (string)(await admin.SubmitAsync(Reports.Valid("design", "critical"))).Item("rnd")["id"]!;
        // Sat 09:00: the second is checked and reopened; acknowledgement due again at 13:00,
        // reminders at 13:00 and 15:00, escalated at 17:00.                  — escalation 5
        await Through(96, 100, 102, 104, 105); // to Sat 18:00

        var live = await LogisticsAsync("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z");
        var week = Assert.Single(live)!;
        Assert.False((bool)week["complete"]!);
        Assert.Equal((6, 4, 3, 0.75), ((int)week["opened"]!, (int)week["acknowledged"]!, (int)week["acknowledgedWithinSla"]!, (double)week["acknowledgedWithinSlaRate"]!));
        // 1, 2, 3, 6 h: the median between 2 h and 3 h; p90 at rank 0.9 × 3 = 2.7: 3 h + 0.7 × (6 h − 3 h) = 5 h 6 min.
        Assert.Equal("""{"count":4,"median":"PT2H30M","p90":"PT5H6M"}""", week["timeToAcknowledge"]!.ToJsonString());
        Assert.Equal((2, 1, 0.5), ((int)week["resolved"]!, (int)week["resolvedWithinSla"]!, (double)week["resolvedWithinSlaRate"]!));
        // 24 h and 72 h: the median 48 h; p90 at rank 0.9: 24 h + 0.9 × 48 h = 67 h 12 min.
        Assert.Equal("""{"count":2,"median":"PT48H","p90":"PT67H12M"}""", week["timeToResolve"]!.ToJsonString());
        Assert.Equal((1, 0.5, 5, 0), ((int)week["reopened"]!, (double)week["reopenedRate"]!, (int)week["escalations"]!, (int)week["handedBack"]!));
        // The checks judged by recurrence, which says nothing of whether the fix works: none judged.
        Assert.Equal(0, (int)week["judged"]!);
        Assert.Null(week["effectiveRate"]);
        // Owed now (Sat 18:00): the second (escalated again), third, fourth (escalated) and fifth, each 4 days old.
        Assert.Equal("""{"days0To2":0,"days3To7":4,"days8To30":0,"over30":0}""", week["backlog"]!.ToJsonString());

        // Mon 11-30 09:00 UTC (10:00 in Berlin): R&D acknowledges; 10:00 UTC: logistics resolves the third.
        await fixture.AdvanceToAsync(start.AddHours(144));
        await admin.DoAsync(design, "acknowledge");
        await At(145, 2, "resolve", "Rerouted"); // after 6 days 1 hour

        // The week has closed: the same figures, complete, and the backlog at its end (Mon 00:00) is the same four:
        // the third was still owed then, which only its resolution's event now says.
        var closed = Assert.Single(await LogisticsAsync("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"))!;
        Assert.Equal(week.ToJsonString().Replace("\"complete\":false", "\"complete\":true"), closed.ToJsonString());
        var kept = await fixture.WithStoreAsync(db => db.MetricPeriods.AsNoTracking().CountAsync(p => p.Department == "logistics" && p.Interval == "week"));
        Assert.Equal(1, kept);
        Assert.Equal(closed.ToJsonString(), Assert.Single(await LogisticsAsync("2026-11-23T00:00:00Z", "2026-11-30T00:00:00Z"))!.ToJsonString());

        // This week is live: the third's resolution, past due.
        var weeks = await LogisticsAsync("2026-11-23T00:00:00Z", "2026-12-07T00:00:00Z");
        Assert.Equal(("2026-11-30T00:00:00+00:00", false, 1, 0), ((string)weeks[1]!["start"]!, (bool)weeks[1]!["complete"]!, (int)weeks[1]!["resolved"]!, (int)weeks[1]!["resolvedWithinSla"]!));

        // November as a month: both weeks' events. Resolved after 24, 72 and 145 h: the median 72 h;
        // p90 at rank 0.9 × 2 = 1.8: 72 h + 0.8 × (145 h − 72 h) = 130 h 24 min.
        var month = Assert.Single(await LogisticsAsync("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z", "month"))!;
        Assert.Equal((6, 4, 3, 1, 5), ((int)month["opened"]!, (int)month["acknowledged"]!, (int)month["resolved"]!, (int)month["reopened"]!, (int)month["escalations"]!));
        Assert.Equal("""{"count":3,"median":"PT72H","p90":"PT130H24M"}""", month["timeToResolve"]!.ToJsonString());
        Assert.Equal(week["timeToAcknowledge"]!.ToJsonString(), month["timeToAcknowledge"]!.ToJsonString());

        // R&D counts working time: Friday 15:00–17:00 and Monday 09:00–10:00 in Berlin, 3 h (67 h on the clock).
        var rndWeek = (await admin.GetJsonAsync("/api/metrics/departments?department=rnd&from=2026-11-30T00:00:00Z&to=2026-12-07T00:00:00Z"))["departments"]![0]!;
        Assert.True((bool)rndWeek["workingTime"]!);
        Assert.Equal("""{"count":1,"median":"PT3H","p90":"PT3H"}""", rndWeek["periods"]![0]!["timeToAcknowledge"]!.ToJsonString());

        // The CSM's account of the week: 8 reports (6, the recurrence, the design flaw); one fixed, the first,
        // when its item was verified on Thursday 09:00, 48 h after it was received.
        var team = (await admin.GetJsonAsync("/api/metrics/csms?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z"))["csms"]![0]!;
        Assert.Equal((8, 1), ((int)team["submitted"]!, (int)team["fixed"]!));
        Assert.Equal("""{"count":1,"median":"PT48H","p90":"PT48H"}""", team["timeToFix"]!.ToJsonString());

        // The hourly rollup counts the closed week for every department (November has not closed), and
        // leaves logistics' row, already kept, as it was.
        var before = await fixture.WithStoreAsync(db => db.MetricPeriods.AsNoTracking().SingleAsync(p => p.Department == "logistics"));
        await using (var scope = fixture.App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<MetricsRollup>().RunAsync(CancellationToken.None);
        var rows = await fixture.WithStoreAsync(db => db.MetricPeriods.AsNoTracking().ToListAsync());
        var departments = JsonNode.Parse(await admin.GetStringAsync("/api/departments"))!.AsArray().Select(d => (string)d!["id"]!).Order().ToList();
        Assert.Equal(departments, rows.Select(r => r.Department).Order().ToList());
        Assert.All(rows, r => Assert.Equal(("week", new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero)), (r.Interval, r.Start)));
        Assert.Equal(before.ComputedAt, rows.Single(r => r.Department == "logistics").ComputedAt);
        // R&D's design flaw opened that week and was acknowledged the next.
        var rnd = rows.Single(r => r.Department == "rnd");
        Assert.Equal((1, 0), (rnd.Opened, rnd.Acknowledged));
    }

    async Task<JsonArray> LogisticsAsync(string from, string to, string interval = "week") =>
        (await admin.GetJsonAsync($"/api/metrics/departments?department=logistics&interval={interval}&from={from}&to={to}"))["departments"]![0]!["periods"]!.AsArray();
}

/// The shipped rules on the standard lifecycle, critical items as above, R&D on office-berlin.
public abstract class DepartmentTrendsFixture(TestStore store) : RoutingFixture(store)
{
    static readonly Lazy<string> folder = new(() =>
    {
        var path = Directory.CreateTempSubdirectory("routing-trends-rules-").FullName;
        foreach (var file in Directory.GetFiles(TestRules.Standard, "*.json")) File.Copy(file, Path.Combine(path, Path.GetFileName(file)));
        var routing = TestRules.Part(Path.Combine(path, "routing.json"));
        var critical = routing.SelectMany(w => w!["Rules"]!.AsArray()).Single(r => (string)r!["RuleName"]! == "CriticalSeverity")!["Properties"]!;
        critical["ackWithin"] = "PT4H";
        critical["followUpEvery"] = "PT2H";
        critical["resolveWithin"] = "P2D";
        critical["resolutionCheckAfter"] = "P1D";
        File.WriteAllText(Path.Combine(path, "routing.json"), routing.ToJsonString());
        var departments = TestRules.Part(Path.Combine(path, "departments.json"));
        departments.Single(d => (string)d!["id"]! == "rnd")!["calendar"] = "office-berlin";
        File.WriteAllText(Path.Combine(path, "departments.json"), departments.ToJsonString());
        return path;
    });

    public override Task InitializeAsync()
    {
        RulesFolder = folder.Value;
        return base.InitializeAsync();
    }

    public Task AdvanceToAsync(DateTimeOffset at) => AdvanceAsync(at - Clock.GetUtcNow());
}

public sealed class SqliteDepartmentTrendsFixture() : DepartmentTrendsFixture(TestStore.Sqlite());

public sealed class PostgresDepartmentTrendsFixture() : DepartmentTrendsFixture(TestStore.Postgres());

public sealed class DepartmentTrendsOnSqlite(SqliteDepartmentTrendsFixture fixture) : DepartmentTrendsTests(fixture), IClassFixture<SqliteDepartmentTrendsFixture>;

public sealed class DepartmentTrendsOnPostgres(PostgresDepartmentTrendsFixture fixture) : DepartmentTrendsTests(fixture), IClassFixture<PostgresDepartmentTrendsFixture>;
