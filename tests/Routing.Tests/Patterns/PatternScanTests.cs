using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.History.Events;
using Routing.Tests.Imports;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Imports.Imports;

namespace Routing.Tests.Patterns;

/// The scan over imported complaints and units sold (PatternScan) and the patterns API: the
/// planted patterns (PlantedPatterns) come out with the numbers worked out by hand, the decoys
/// do not, and a CSM submits or dismisses a candidate.
public abstract class PatternScanTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    async Task ImportAsync()
    {
        var complaints = await admin.PostAsync("/api/complaints", AsNdjson(PlantedPatterns.Complaints()), Ndjson);
        Assert.Equal(0L, (long)complaints.Body!["rejected"]!);
        var units = await admin.PostAsync("/api/exposure", AsNdjson(PlantedPatterns.UnitsSold()), Ndjson);
        Assert.Equal(0L, (long)units.Body!["rejected"]!);
    }

    async Task<JsonNode> ScanAsync()
    {
        var (status, body) = await admin.PostAsync("/api/patterns/scan", "", Json);
        Assert.Equal(HttpStatusCode.OK, status);
        return body!;
    }

    async Task<JsonArray> ListAsync(HttpClient client, string query = "") =>
        JsonNode.Parse(await client.GetStringAsync("/api/patterns" + query))!.AsArray();

    static JsonNode Find(JsonArray candidates, string product, Func<JsonNode, bool> segment) =>
        Assert.Single(candidates, c => (string)c!["product"]! == product && segment(c["segment"]!))!;

    static bool Only(JsonNode segment, string field, string? value = null) =>
        segment.AsObject().All(p => p.Key == field
            ? value is null || (string?)p.Value == value
            : p.Value is null || p.Value is JsonArray { Count: 0 });

    [Fact]
    public async Task A_scan_finds_each_planted_pattern_with_its_numbers_and_not_the_decoys_and_a_CSM_submits_or_dismisses_one()
    {
        await ImportAsync();
        var scanned = await ScanAsync();
        var candidates = await ListAsync(admin);

        // Season: HX-200 from November to March, all regions: 2 regions × 5 months × 10 = 100
        // complaints on 2 × 5 × 1,000 units (1%), against 2 × 7 × 1 = 14 on 14,000 (0.1%).
        var season = Find(candidates, "HX-200 heater", s => Only(s, "months"));
        Assert.Equal([11, 12, 1, 2, 3], season["segment"]!["months"]!.AsArray().Select(m => (int)m!));
        AssertNumbers(season, "rate", 100, 10_000, 0.01, 0.001, 10.0);
        Assert.Equal("HX-200 heater, Nov–Mar: 100 quality complaints on 10,000 units (1.0%) against 0.1% elsewhere — 10.0× (q < 0.001)",
            (string)season["explanation"]!);

        // Region: AC-300 in Texas, 12 × 5 = 60 on 12,000 (0.5%) against 2 × 12 = 24 on 24,000 (0.1%).
        var texas = Find(candidates, "AC-300 fan", s => Only(s, "region", "Texas"));
        AssertNumbers(texas, "rate", 60, 12_000, 0.005, 0.001, 5.0);
        Assert.Equal("AC-300 fan, Texas: 60 quality complaints on 12,000 units (0.5%) against 0.1% elsewhere — 5.0× (q < 0.001)",
            (string)texas["explanation"]!);

        // Accessibility: 20 of KT-5's 40 (50%) against 5 of LP-7's 100 (5%): PRR 10; Yates χ² =
        // 140 (|20·95 − 20·5| − 70)² ÷ (40·100·25·115) = 36.44.
        var accessibility = Find(candidates, "KT-5 kettle", s => Only(s, "accessibility", "visually impaired"));
        AssertNumbers(accessibility, "prr", 20, null, 0.5, 0.05, 10.0);
        Assert.Equal("KT-5 kettle, accessibility: visually impaired: 20 of 40 quality complaints (50.0%) against 5.0% elsewhere — PRR 10.0, χ² 36.4 (q < 0.001)",
            (string)accessibility["explanation"]!);

        // Vendor: 24 of WH-9's 30 quality complaints (80%) against 9 of its 90 others (10%): PRR 8;
        // χ² = 120 (|24·81 − 6·9| − 60)² ÷ (30·90·33·87) = 51.84.
        var vendor = Find(candidates, "WH-9 water heater", s => Only(s, "vendor", "Acme Controls"));
        Assert.Equal("quality", (string)vendor["category"]!);
        AssertNumbers(vendor, "prr", 24, null, 0.8, 0.1, 8.0);
        Assert.Equal("WH-9 water heater, vendor: Acme Controls: 24 of 30 quality complaints (80.0%) against 10.0% elsewhere — PRR 8.0, χ² 51.8 (q < 0.001)",
            (string)vendor["explanation"]!);

        // Depot: 26 of BX-1's 30 supply complaints against 8 of its 60 others: PRR 6.5;
        // χ² = 90 (|26·52 − 4·8| − 45)² ÷ (30·60·34·56) = 42.69.
        var depot = Find(candidates, "BX-1 boiler", s => Only(s, "depot", "Depot North"));
        Assert.Equal("supply", (string)depot["category"]!);
        AssertNumbers(depot, "prr", 26, null, 26.0 / 30, 8.0 / 60, 6.5);
        Assert.Equal("BX-1 boiler, depot: Depot North: 26 of 30 supply complaints (86.7%) against 13.3% elsewhere — PRR 6.5, χ² 42.7 (q < 0.001)",
            (string)depot["explanation"]!);

        // The decoys: the tiny market (2 on 40 units) and the noisy product are not candidates.
        Assert.DoesNotContain(candidates, c => (string)c!["product"]! is "TM-1 toaster" or "DR-10 dryer");
        // Nor the mirror images of the planted ones: LP-7's share of "none", WH-9's other vendors.
        Assert.DoesNotContain(candidates, c => (string)c!["product"]! is "LP-7 lamp");
        Assert.Single(candidates, c => (string)c!["product"]! == "WH-9 water heater");
        Assert.All(candidates, c => Assert.Equal("open", (string)c!["status"]!));
        Assert.Equal(candidates.Count, (long)scanned["flagged"]!);
        Assert.Equal(candidates.Count, (long)scanned["new"]!);
        // Strongest first.
        var q = candidates.Select(c => (double)c!["qValue"]!).ToList();
        Assert.Equal(q.Order(), q);

        // The evidence: the season's 100 complaints, paged, all from November to March.
        var detail = JsonNode.Parse(await admin.GetStringAsync($"/api/patterns/{season["id"]}?page=2&pageSize=30"))!;
        Assert.Equal(100L, (long)detail["evidenceTotal"]!);
        Assert.Equal(30, detail["evidence"]!.AsArray().Count);
        Assert.All(detail["evidenceComplaints"]!.AsArray(), c =>
            Assert.Contains(DateTimeOffset.Parse((string)c!["receivedAt"]!).Month, (int[])[11, 12, 1, 2, 3]));
        var lastPage = JsonNode.Parse(await admin.GetStringAsync($"/api/patterns/{season["id"]}?page=4&pageSize=30"))!;
        Assert.Equal(10, lastPage["evidence"]!.AsArray().Count);

        // A rescan of the same complaints flags the same candidates and adds none; their numbers are the same, so
        // none of them changed, not even when it was updated.
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        var rescanned = await ScanAsync();
        Assert.Equal((0L, (long)candidates.Count), ((long)rescanned["new"]!, (long)rescanned["flagged"]!));
        static string AsKept(JsonNode? c) => $"{c!["id"]} {c["updatedAt"]} {c["complaints"]} {c["qValue"]} {c["explanation"]}";
        Assert.Equal(candidates.Select(AsKept).Order(), (await ListAsync(admin)).Select(AsKept).Order());
        var scannedEvent = await fixture.LatestEventAsync<PatternsScanned>(HistoryKinds.PatternsScanned);
        Assert.Equal((candidates.Count, 0L), (scannedEvent.Flagged, scannedEvent.New));

        // Submit: a report with the candidate's numbers, routed by the shipped rules.
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        var path = $"/api/patterns/{accessibility["id"]}";
        var invalid = await csm.PostAsync(path + "/submit", """{ "severity": "dire" }""", Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.Status);
        Assert.NotNull(invalid.Body!["errors"]!["severity"]);
        // Four CSMs press submit at once: one report, the others are told it is taken.
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            csm.PostAsync(path + "/submit", """{ "severity": "high", "recommendation": "Tactile buttons" }""", Json)));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict],
            answers.Select(a => a.Status).Order());
        var receipt = answers.Single(a => a.Status == HttpStatusCode.Created).Body;
        var pattern = Guid.Parse((string)accessibility["id"]!);
        Assert.Equal(1, await fixture.WithStoreAsync(db => db.Reports.CountAsync(r => r.PatternId == pattern)));
        // Quality to manufacturing; quality naming an accessibility need to R&D too.
        Assert.Equal(["manufacturing", "rnd"], receipt!["workItems"]!.AsArray().Select(w => (string)w!["department"]!).Order());
        var report = JsonNode.Parse(await csm.GetStringAsync($"/api/reports/{receipt["reportId"]}"))!;
        Assert.Equal(("KT-5 kettle", "quality", 20, 20, "visually impaired", "high", "Tactile buttons"),
            ((string)report["product"]!, (string)report["category"]!, (int)report["reportCount"]!, (int)report["affectedUnits"]!,
                (string)report["segment"]!["accessibility"]!, (string)report["severity"]!, (string)report["recommendation"]!));
        Assert.Equal(20, report["evidence"]!.AsArray().Count);
        Assert.Equal((string)accessibility["id"]!, (string)report["patternId"]!);
        Assert.All(report["evidence"]!.AsArray(), id => Assert.Contains("visually impaired", (string)id!));
        Assert.Contains((string)accessibility["explanation"]!, (string)report["description"]!);
        Assert.StartsWith("csm-", (string)report["verifiedBy"]!);
        var submitted = JsonNode.Parse(await csm.GetStringAsync(path))!["pattern"]!;
        Assert.Equal(("submitted", (string)receipt["reportId"]!), ((string)submitted["status"]!, (string)submitted["reportId"]!));
        Assert.Equal(HttpStatusCode.Conflict, (await csm.PostAsync(path + "/submit", """{ "severity": "high" }""", Json)).Status);
        Assert.Equal(["submitted"], (await ListAsync(csm, "?status=submitted")).Select(c => (string)c!["status"]!));

        // Dismiss: kept with who and why, and kept dismissed by a rescan while it stays the same size…
        var texasPath = $"/api/patterns/{texas["id"]}";
        Assert.Equal(HttpStatusCode.BadRequest, (await csm.PostAsync(texasPath + "/dismiss", """{ "reason": " " }""", Json)).Status);
        var (dismissedStatus, dismissed) = await csm.PostAsync(texasPath + "/dismiss", """{ "reason": "Texas had a heatwave" }""", Json);
        Assert.Equal(HttpStatusCode.OK, dismissedStatus);
        Assert.Equal(("dismissed", "Texas had a heatwave"), ((string)dismissed!["status"]!, (string)dismissed["dismissal"]!["reason"]!));
        Assert.StartsWith("csm-", (string)dismissed["dismissal"]!["by"]!);
        Assert.Equal(0L, (long)(await ScanAsync())["reopened"]!);
        Assert.Equal("dismissed", (string)JsonNode.Parse(await admin.GetStringAsync(texasPath))!["pattern"]!["status"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await csm.PostAsync(texasPath + "/submit", """{ "severity": "high" }""", Json)).Status);

        // …until it doubles: 60 more Texas complaints make 120.
        var more = Enumerable.Range(1, 12).SelectMany(m => PlantedPatterns.Many("AC-300 fan", "quality", "Texas", m, 5, batch: "more-"));
        await admin.PostAsync("/api/complaints", AsNdjson(more), Ndjson);
        await fixture.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(1L, (long)(await ScanAsync())["reopened"]!);
        var back = JsonNode.Parse(await admin.GetStringAsync(texasPath))!["pattern"]!;
        Assert.Equal(("open", 120L), ((string)back["status"]!, (long)back["complaints"]!));
        Assert.True(DateTimeOffset.Parse((string)back["updatedAt"]!) > DateTimeOffset.Parse((string)dismissed["updatedAt"]!));
        Assert.True((bool)back["stillFlagged"]!);

        // Once Michigan and Ohio complain as often as Texas, Texas is no longer out of line: the
        // candidate stays, with its status and its last numbers, marked as no longer flagged.
        var level = (string[])["Michigan", "Ohio"];
        await admin.PostAsync("/api/complaints", AsNdjson(level.SelectMany(r => Enumerable.Range(1, 12)
            .SelectMany(m => PlantedPatterns.Many("AC-300 fan", "quality", r, m, 9, batch: "level-")))), Ndjson);
        Assert.Equal(1L, (long)(await ScanAsync())["noLongerFlagged"]!);
        var levelled = JsonNode.Parse(await admin.GetStringAsync(texasPath))!["pattern"]!;
        Assert.Equal(("open", false, 120L), ((string)levelled["status"]!, (bool)levelled["stillFlagged"]!, (long)levelled["complaints"]!));
    }

    static void AssertNumbers(JsonNode c, string method, long complaints, long? units, double rate, double baseline, double ratio)
    {
        Assert.Equal((method, complaints, units), ((string)c["method"]!, (long)c["complaints"]!, (long?)c["unitsSold"]));
        Assert.Equal(rate, (double)c["rate"]!, 12);
        Assert.Equal(baseline, (double)c["baselineRate"]!, 12);
        Assert.Equal(ratio, (double)c["ratio"]!, 9);
        Assert.True((double)c["qValue"]! < 0.001);
        Assert.True((double)c["pValue"]! <= (double)c["qValue"]!);
    }

    [Fact]
    public async Task Heads_see_no_patterns_auditors_only_read_them_and_bad_input_is_named()
    {
        var head = fixture.App.ClientWithKey(await admin.CreateKeyAsync("department-head", "rnd"));
        var auditor = fixture.App.ClientWithKey(await admin.CreateKeyAsync("auditor"));
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        var unknown = $"/api/patterns/{Guid.NewGuid()}";

        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync("/api/patterns/scan", "", Json)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/api/patterns")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync(unknown + "/submit", """{ "severity": "high" }""", Json)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsync(unknown + "/dismiss", """{ "reason": "no" }""", Json)).Status);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/patterns")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync(unknown)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/patterns/scan", "", Json)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(unknown + "/submit", """{ "severity": "high" }""", Json)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync(unknown + "/dismiss", """{ "reason": "no" }""", Json)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await csm.PostAsync("/api/patterns/scan", "", Json)).Status);

        var badStatus = await csm.PostAsync("/api/patterns/scan", "", Json); // csm may not scan
        Assert.Equal(HttpStatusCode.Forbidden, badStatus.Status);
        using var status = await csm.GetAsync("/api/patterns?status=maybe");
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("\"status\"", await status.Content.ReadAsStringAsync());
        using var pageSize = await csm.GetAsync(unknown + "?pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, pageSize.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await csm.PostAsync(unknown + "/submit", """{ "severity": "high" }""", Json)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await csm.PostAsync(unknown + "/dismiss", """{ "reason": "seen it" }""", Json)).Status);
        var noReason = await csm.PostAsync(unknown + "/dismiss", "{}", Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.NotNull(noReason.Body!["errors"]!["reason"]);
        var misspelt = await csm.PostAsync(unknown + "/submit", """{ "severty": "high" }""", Json);
        Assert.Equal(HttpStatusCode.BadRequest, misspelt.Status);
        Assert.NotNull(misspelt.Body!["errors"]!["severty"]);
    }
}

public sealed class PatternScanOnSqlite(SqliteFixture fixture) : PatternScanTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PatternScanOnPostgres(PostgresFixture fixture) : PatternScanTests(fixture), IClassFixture<PostgresFixture>;
