using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Metrics;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Metrics;

/// The figures' SQL on both providers, on facts written straight into the store (each test in weeks of its own,
/// long closed by the fixture's clock, so tests sharing the host never count each other's items).
public abstract class MetricsQueryTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task A_closed_week_has_its_counts_percentiles_and_backlog_and_is_cached()
    {
        // Six logistics items opened on Monday 2026-10-05 at 09:00, in the ISO week [10-05, 10-12).
        var opened = new DateTimeOffset(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
        var items = new List<Guid>();
        for (var i = 0; i < 6; i++) items.Add(Guid.Parse((string)(await admin.SubmitAsync(Reports.Valid("supply", "critical"))).Item("logistics")["id"]!));
        // Acknowledged after 1, 2, 3 and 6 hours (due within 4: 3 met); the fifth never, the sixth is cancelled later.
        double[] ackHours = [1, 2, 3, 6];
        for (var i = 0; i < 6; i++)
        {
            var hours = i < 4 ? ackHours[i] : (double?)null;
            await SetAsync(items[i], w =>
            {
                w.CreatedAt = opened;
                if (hours is { } h) (w.AcknowledgedAt, w.AckTookSeconds, w.AckMet) = (opened.AddHours(h), (long)(h * 3600), h <= 4);
            });
        }
        // Resolved after 1 and 3 days (due within 2: 1 met); the fourth is handed back on Wednesday.
        await SetAsync(items[0], w => (w.FirstResolvedAt, w.ResolveTookSeconds, w.ResolveMet) = (opened.AddDays(1), 86_400, true));
        await SetAsync(items[1], w => (w.FirstResolvedAt, w.ResolveTookSeconds, w.ResolveMet) = (opened.AddDays(3), 3 * 86_400, false));
        await SetAsync(items[3], w => w.HandedBackAt = opened.AddDays(2));
        // Cancelled now (November): at the week's end it was still owed, which only its cancellation's event says.
        await admin.DoAsync(items[5].ToString(), "cancel", "Duplicate");

        var week = await WeekAsync("2026-10-05T00:00:00Z", "2026-10-12T00:00:00Z");
        Assert.Equal("2026-10-05T00:00:00+00:00", (string)week["start"]!);
        Assert.True((bool)week["complete"]!);
        Assert.Equal(6, (int)week["opened"]!);
        Assert.Equal(4, (int)week["acknowledged"]!);
        Assert.Equal(3, (int)week["acknowledgedWithinSla"]!);
        Assert.Equal(0.75, (double)week["acknowledgedWithinSlaRate"]!);
        // Median of 1, 2, 3, 6 h: between ranks 1 and 2, 2.5 h. p90: rank 0.9 × 3 = 2.7, 3 h + 0.7 × (6 h − 3 h) = 5.1 h.
        Assert.Equal("""{"count":4,"median":"PT2H30M","p90":"PT5H6M"}""", week["timeToAcknowledge"]!.ToJsonString());
        // Median of 24 h and 72 h: 48 h. p90: rank 0.9 × 1, 24 h + 0.9 × 48 h = 67.2 h.
        Assert.Equal("""{"count":2,"median":"PT48H","p90":"PT67H12M"}""", week["timeToResolve"]!.ToJsonString());
        Assert.Equal(2, (int)week["resolved"]!);
        Assert.Equal(0.5, (double)week["resolvedWithinSlaRate"]!);
        Assert.Equal(1, (int)week["handedBack"]!);
        // At the end of the week (6 d 15 h after opening), by their facts the two resolved ones and the one handed back
        // were done; the other three were still owed: 3–7 days old. (The sixth, cancelled in November, only by its
        // cancellation's event.)
        Assert.Equal("""{"days0To2":0,"days3To7":3,"days8To30":0,"over30":0}""", week["backlog"]!.ToJsonString());
        // Reopenings and escalations are counted from their events, which all happened in November.
        Assert.Equal((0, 0d, 0), ((int)week["reopened"]!, (double)week["reopenedRate"]!, (int)week["escalations"]!));
        Assert.Null(week["effectiveRate"]);

        // The closed week was kept, and the next answer is the same from the cache.
        var kept = await fixture.WithStoreAsync(db => db.MetricPeriods.AsNoTracking()
            .SingleAsync(p => p.Department == "logistics" && p.Interval == "week" && p.Start == opened.AddHours(-9)));
        Assert.Equal((6, 4, 18_360d), (kept.Opened, kept.Acknowledged, kept.AckP90Seconds!.Value));
        Assert.Equal(week.ToJsonString(), (await WeekAsync("2026-10-05T00:00:00Z", "2026-10-12T00:00:00Z")).ToJsonString());
    }

    [Fact]
    public async Task Rule_quality_counts_each_versions_routes_and_what_became_of_them()
    {
        // Three items opened in October 2026 by two rules (one item by both), under versions 7 and 8.
        var at = new DateTimeOffset(2026, 10, 14, 12, 0, 0, TimeSpan.Zero);
        var items = new List<Guid>();
        for (var i = 0; i < 3; i++) items.Add(Guid.Parse((string)(await admin.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!));
        await SetAsync(items[0], w => (w.CreatedAt, w.HandedBackAt) = (at, at.AddHours(2)));
        await SetAsync(items[1], w => (w.CreatedAt, w.FirstResolvedAt, w.ResolveTookSeconds, w.VerifiedAt) = (at, at.AddDays(1), 86_400, at.AddDays(8)));
        await SetAsync(items[2], w => (w.CreatedAt, w.FirstResolvedAt, w.ResolveTookSeconds, w.ReopenedCount) = (at, at.AddDays(2), 3 * 86_400, 1));
        await fixture.WithStoreAsync(db =>
        {
            WorkItemRule Rule(Guid item, string rule, int version) =>
                new() { WorkItemId = item, Rule = rule, RulesetVersion = version, Department = "logistics", CreatedAt = at };
            db.WorkItemRules.AddRange(Rule(items[0], "QualityOne", 7), Rule(items[1], "QualityOne", 7), Rule(items[1], "QualityTwo", 7),
                Rule(items[2], "QualityOne", 8));
            return db.SaveChangesAsync();
        });

        var body = await admin.GetJsonAsync("/api/metrics/rules?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z");
        var rules = body["rules"]!.AsArray().Select(r => r!.ToJsonString()).ToList();
        // Newest version first. v7 QualityOne: 2 routed, 1 handed back (0.5), 1 verified, 1 resolved in 24 h.
        Assert.Equal(
        [
            """{"version":8,"rule":"QualityOne","routed":1,"handedBack":0,"handedBackRate":0,"verified":0,"reopened":1,"resolved":1,"medianTimeToResolve":"PT72H"}""",
            """{"version":7,"rule":"QualityOne","routed":2,"handedBack":1,"handedBackRate":0.5,"verified":1,"reopened":0,"resolved":1,"medianTimeToResolve":"PT24H"}""",
            """{"version":7,"rule":"QualityTwo","routed":1,"handedBack":0,"handedBackRate":0,"verified":1,"reopened":0,"resolved":1,"medianTimeToResolve":"PT24H"}""",
        ], rules);
        var onlySeven = await admin.GetJsonAsync("/api/metrics/rules?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z&version=7");
        Assert.Equal(2, onlySeven["rules"]!.AsArray().Count);
        // A head of R&D counts R&D's items only: none of these.
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "rnd"));
        Assert.Empty((await head.GetJsonAsync("/api/metrics/rules?from=2026-10-01T00:00:00Z&to=2026-11-01T00:00:00Z"))["rules"]!.AsArray());
    }

    [Fact]
    public async Task The_csms_account_counts_per_csm_and_for_the_team()
    {
        // Two CSMs' keys: the key that submits a report is its CSM.
        var (ann, bob) = ($"Ann {Guid.NewGuid():N}"[..12], $"Bob {Guid.NewGuid():N}"[..12]);
        var annClient = fixture.App.ClientWithKey(await CsmKeyAsync(ann));
        var bobClient = fixture.App.ClientWithKey(await CsmKeyAsync(bob));
        // September 2026: Ann submitted two reports (fixed after 10 and 20 days), Bob one, not fixed.
        var at = new DateTimeOffset(2026, 9, 10, 8, 0, 0, TimeSpan.Zero);
        JsonObject[] receipts = [await annClient.SubmitAsync(Reports.Valid("supply")), await annClient.SubmitAsync(Reports.Valid("design")),
            await bobClient.SubmitAsync(Reports.Valid("supply"))];
        double?[] fixedAfterDays = [10, 20, null];
        // The measured checks, in July: Ann's first report's fix judged effective; her second's judged effective
        // once and not effective once; Bob's inconclusive, which judges nothing.
        (int Receipt, string Department, string Verdict)[] checks =
            [(0, "logistics", "effective"), (1, "rnd", "effective"), (1, "rnd", "not-effective"), (2, "logistics", "inconclusive")];
        var checkedAt = new DateTimeOffset(2026, 7, 15, 10, 0, 0, TimeSpan.Zero);
        await fixture.WithStoreAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
            {
                var id = Guid.Parse((string)receipts[i]["reportId"]!);
                var report = await db.Reports.SingleAsync(r => r.Id == id);
                (report.ReceivedAt, report.FixedAt) = (at, fixedAfterDays[i] is { } d ? at.AddDays(d) : null);
            }
            foreach (var (receipt, department, verdict) in checks)
                db.Effectiveness.Add(new Routing.Engine.Effectiveness.ItemEffectiveness
                {
                    WorkItemId = Guid.Parse((string)receipts[receipt].Item(department)["id"]!), Department = department, Product = "HX-200 heater", Category = "supply",
                    FixedBy = "test", Verdict = verdict, FixedAt = checkedAt.AddDays(-30), CheckedAt = checkedAt,
                });
            return await db.SaveChangesAsync();
        });

        var body = await admin.GetJsonAsync("/api/metrics/csms?from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z");
        var csms = body["csms"]!.AsArray();
        Assert.Equal([null, ann, bob], csms.Select(c => (string?)c!["csm"]));
        // The team: 3 submitted, 2 fixed after 240 h and 480 h: median 360 h, p90 240 h + 0.9 × 240 h = 456 h;
        // 1 verified effective (every judged check of Ann's first report effective).
        Assert.Equal((3, 2, 1), ((int)csms[0]!["submitted"]!, (int)csms[0]!["fixed"]!, (int)csms[0]!["verifiedEffective"]!));
        Assert.Equal("""{"count":2,"median":"PT360H","p90":"PT456H"}""", csms[0]!["timeToFix"]!.ToJsonString());
        // Where Ann's reports went: supply to logistics, design to R&D.
        Assert.Equal("""{"logistics":1,"rnd":1}""", csms[1]!["departments"]!.ToJsonString());
        Assert.Equal((2, 1), ((int)csms[1]!["fixed"]!, (int)csms[1]!["verifiedEffective"]!));
        Assert.Equal("""{"count":0,"median":null,"p90":null}""", csms[2]!["timeToFix"]!.ToJsonString());
        Assert.Equal([null, bob], (await admin.GetJsonAsync($"/api/metrics/csms?from=2026-09-01T00:00:00Z&to=2026-10-01T00:00:00Z&csm={Uri.EscapeDataString(bob)}"))["csms"]!
            .AsArray().Select(c => (string?)c!["csm"]));

        // The departments' effective-fix share counts the same checks in the week they were made (of Monday 07-13).
        var week = await admin.GetJsonAsync("/api/metrics/departments?from=2026-07-13T00:00:00Z&to=2026-07-20T00:00:00Z");
        var figures = week["departments"]!.AsArray().ToDictionary(d => (string)d!["department"]!, d => d!["periods"]![0]!);
        Assert.Equal((1, 1, 1.0), ((int)figures["logistics"]["judged"]!, (int)figures["logistics"]["effective"]!, (double)figures["logistics"]["effectiveRate"]!));
        Assert.Equal((2, 1, 0.5), ((int)figures["rnd"]["judged"]!, (int)figures["rnd"]["effective"]!, (double)figures["rnd"]["effectiveRate"]!));
    }

    async Task<string> CsmKeyAsync(string name)
    {
        var response = await admin.PostAsJsonAsync("/api/keys", new { name, role = "csm", departments = Array.Empty<string>() });
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!;
    }

    [Fact]
    public async Task A_head_sees_only_their_departments_and_bad_queries_are_refused()
    {
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "rnd"));
        var mine = await head.GetJsonAsync("/api/metrics/departments");
        Assert.Equal(["rnd"], mine["departments"]!.AsArray().Select(d => (string)d!["department"]!));
        // The default: the last 12 weeks, the current one (from Monday 2026-11-23) included and not complete.
        var periods = mine["departments"]![0]!["periods"]!.AsArray();
        Assert.Equal(12, periods.Count);
        Assert.Equal(("2026-11-23T00:00:00+00:00", false), ((string)periods[^1]!["start"]!, (bool)periods[^1]!["complete"]!));
        Assert.Equal(HttpStatusCode.NotFound, (await head.GetAsync("/api/metrics/departments?department=logistics")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/api/metrics/csms")).StatusCode);

        foreach (var (query, field) in new[]
        {
            ("interval=day", "interval"), ("from=2026-11-01T00:00:00Z&to=2026-10-01T00:00:00Z", "to"), ("from=yesterday", "from"),
            ("from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"), ("format=xml", "format"),
            // Times no period can start or end at (a week after 9999-12-30 does not exist) are refused, not a 500.
            ("to=9999-12-30T00:00:00Z", "to"), ("to=0001-01-03T00:00:00Z", "to"), ("from=1999-12-31T00:00:00Z", "from"),
        })
        {
            var refused = await admin.GetAsync($"/api/metrics/departments?{query}");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.NotNull(JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["errors"]![field]);
        }
        var rules = await admin.GetAsync("/api/metrics/rules?to=0001-02-01T00:00:00Z");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rules.StatusCode);

        // Periods yet to come have no figures: asked up to next year, the current week is the last.
        var ahead = await admin.GetJsonAsync("/api/metrics/departments?department=rnd&from=2026-11-02T00:00:00Z&to=2027-06-01T00:00:00Z");
        Assert.Equal(["2026-11-02T00:00:00+00:00", "2026-11-09T00:00:00+00:00", "2026-11-16T00:00:00+00:00", "2026-11-23T00:00:00+00:00"],
            ahead["departments"]![0]!["periods"]!.AsArray().Select(p => (string)p!["start"]!));
        // Three years of months is fine (36 periods), as 156 weeks are.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/metrics/departments?interval=month&from=2024-01-01T00:00:00Z&to=2026-12-01T00:00:00Z")).StatusCode);
    }

    [Fact]
    public async Task The_figures_come_as_csv_for_spreadsheets()
    {
        var response = await admin.GetAsync("/api/metrics/departments?department=sales&from=2026-08-31T00:00:00Z&to=2026-09-07T00:00:00Z&format=csv");
        Assert.True(response.IsSuccessStatusCode, fixture.App.Logs.All);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment; filename=\"departments-2026-08-31-2026-09-07.csv\"", response.Content.Headers.ContentDisposition!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("department,name,workingTime,start,end,complete,opened,acknowledged,", lines[0]);
        Assert.Contains("timeToAcknowledgeMedianHours", lines[0]);
        // The week of Monday 2026-08-31, before anything happened: zeros, no rates.
        Assert.StartsWith("sales,Sales,false,2026-08-31T00:00:00.0000000Z,2026-09-07T00:00:00.0000000Z,true,0,0,0,,", lines[1]);
        Assert.Equal(2, lines.Length);
        // The console's link, where the cookie counts, is the same CSV.
        Assert.Equal("text/csv", (await admin.GetAsync("/console/metrics/rules.csv")).Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_replay_says_which_changed_routes_were_handed_back()
    {
        // Two supply reports received on 2026-08-15; logistics hands the first back as not theirs.
        var received = new DateTimeOffset(2026, 8, 15, 12, 0, 0, TimeSpan.Zero);
        var handedBack = await admin.SubmitAsync(Reports.Valid("supply"));
        var kept = await admin.SubmitAsync(Reports.Valid("supply"));
        await fixture.WithStoreAsync(async db =>
        {
            Guid[] ids = [Guid.Parse((string)handedBack["reportId"]!), Guid.Parse((string)kept["reportId"]!)];
            await foreach (var report in db.Reports.Where(r => ids.Contains(r.Id)).AsAsyncEnumerable()) report.ReceivedAt = received;
            return await db.SaveChangesAsync();
        });
        await admin.DoAsync((string)handedBack.Item("logistics")["id"]!, "hand-back", "The supplier's problem, not ours");

        // A draft sending supply problems to R&D changes both routes; one was handed back by logistics.
        var draft = await admin.DraftAsync(Rulesets.SupplyToRnd());
        var response = await admin.PostAsync($"/api/rules/versions/{draft}/replay?from=2026-08-15T00:00:00Z&to=2026-08-16T00:00:00Z", null);
        var replay = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((2, 1), (replay["changes"]!.AsArray().Count, (int)replay["handedBack"]!));
        var changes = replay["changes"]!.AsArray().ToDictionary(c => (string)c!["reportId"]!, c => c!["handedBackBy"].Strings());
        Assert.Equal(["logistics"], changes[(string)handedBack["reportId"]!]);
        Assert.Empty(changes[(string)kept["reportId"]!]);
    }

    Task SetAsync(Guid id, Action<WorkItem> set) => fixture.WithStoreAsync(async db =>
    {
        var item = await db.WorkItems.SingleAsync(w => w.Id == id);
        set(item);
        return await db.SaveChangesAsync();
    });

    async Task<JsonNode> WeekAsync(string from, string to)
    {
        var body = await admin.GetJsonAsync($"/api/metrics/departments?department=logistics&from={from}&to={to}");
        var periods = body["departments"]!.AsArray().Single()!["periods"]!.AsArray();
        return Assert.Single(periods)!;
    }
}

public sealed class MetricsQueryOnSqlite(SqliteFixture fixture) : MetricsQueryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class MetricsQueryOnPostgres(PostgresFixture fixture) : MetricsQueryTests(fixture), IClassFixture<PostgresFixture>;
