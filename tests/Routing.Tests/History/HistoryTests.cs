using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.History;
using Routing.Engine.Store;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.History;

/// The audit history: complete, tamper-evident, queryable and exportable.
public abstract class HistoryTests(RoutingFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Every_kind_of_event_is_written_by_the_action_that_should_write_it()
    {
        var first = fixture.Clock.GetUtcNow();
        // A fix with numbers and complaint data, measured on too few units (none sold after it):
        // its criterion fixed, watched once more, then left to the CSM.
        var measured = Reports.Valid("quality").With("segment.region", "Idaho").With("unitsSold", 11_000);
        var product = (string)measured["product"]!;
        var months = Enumerable.Range(0, 11).Select(m => new DateOnly(2025, 12, 1).AddMonths(m)).ToList();
        var after = Enumerable.Range(0, 5).Select(m => new DateOnly(2026, 11, 1).AddMonths(m));
        await client.PostAsync("/api/exposure", new StringContent("product,region,month,unitsSold\n" +
            string.Concat(months.Select(m => $"{product},Idaho,{m:yyyy-MM},1000\n")) +
            string.Concat(after.Select(m => $"{product},Idaho,{m:yyyy-MM},0\n")), System.Text.Encoding.UTF8, "text/csv"));
        await client.PostAsync("/api/complaints", new StringContent(string.Concat(months.Select(m =>
            $$"""{"id":"{{Guid.NewGuid()}}","receivedAt":"{{m:yyyy-MM}}-10T10:00:00Z","product":"{{product}}","category":"quality","region":"Idaho"}""" + "\n")),
            System.Text.Encoding.UTF8, "application/x-ndjson"));
        var watched = (string)(await client.SubmitAsync(measured)).Item("manufacturing")["id"]!;
        await client.DoAsync(watched, "acknowledge");
        await client.DoAsync(watched, "resolve", "fixed");
        var report = Reports.Valid("supply", "medium").With("segment.region", "Utah");
        var escalates = (string)(await client.SubmitAsync(report)).Item("logistics")["id"]!;
        await client.SubmitAsync(report.DeepClone());                                       // recurrence
        await client.SubmitAsync(report.DeepClone().AsObject().With("severity", "critical")); // a more urgent one
        var resolves = (string)(await client.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!;
        foreach (var action in new[] { "acknowledge", "start", "comment", "resolve" }) await client.DoAsync(resolves, action, "x");
        var ohio = Reports.Valid("pricing").With("segment.region", "Ohio");
        var reopens = (string)(await client.SubmitAsync(ohio)).Item("strategy")["id"]!;
        await client.DoAsync(reopens, "acknowledge");
        await client.DoAsync(reopens, "resolve", "fixed");
        await client.DoAsync((string)(await client.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!, "hand-back", "misrouted");
        await client.DoAsync((string)(await client.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!, "cancel", "a duplicate");
        await fixture.AdvanceAsync(TimeSpan.FromDays(1));
        await client.SubmitAsync(ohio.DeepClone());                                         // the pattern returns
        await fixture.AdvanceAsync(TimeSpan.FromDays(14));                                  // reminders, escalation, checks
        var draft = await client.DraftAsync(Rulesets.SupplyToRnd());
        await client.PublishAsync(draft);
        var capa = Rulesets.ShippedDraft();                                                // R&D on the corrective action,
        capa["lifecycles"] = JsonNode.Parse(TestRules.PartJson(Path.Combine(TestRules.Shipped, "lifecycles.json")));
        capa["departments"]!.AsArray().Single(d => (string)d!["id"]! == "rnd")!["lifecycle"] = "corrective-action";
        capa["departments"]!.AsArray().Single(d => (string)d!["id"]! == "acme-parts")!["lifecycle"] = "supplier-corrective-action";
        await client.SubmitAsync(Reports.Valid("marketing"));                              // an open item whose department
        capa["departments"]!.AsArray().Single(d => (string)d!["id"]! == "marketing")!["calendar"] = "office-berlin"; // gets a calendar
        await client.PublishAsync(await client.DraftAsync(capa));
        var contained = (string)(await client.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!;
        await Workflows.LifecycleActions.DoWithAsync(client, contained, "contain", new { containment = "Stock held" }); // whose steps have no kind of their own
        var scar = (string)(await client.SubmitAsync(Reports.Valid("third-party").With("vendor", "acme-parts"))).Item("acme-parts")["id"]!;
        await Workflows.LifecycleActions.DoWithAsync(client, scar, "confirm-containment", new Dictionary<string, string>
            { ["containment"] = "Stock held", ["containment.confirmedBy"] = "Ann Lee" });
        await Workflows.LifecycleActions.DoWithAsync(client, scar, "propose-cause", new Dictionary<string, string>
            { ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die", ["correctiveAction.due"] = "2027-01-15" }); // its SLA clock paused
        await Workflows.LifecycleActions.DoWithAsync(client, scar, "accept-cause", null);                                  // and resumed
        await client.PublishAsync(1);
        var key = JsonNode.Parse(await (await client.PostAsJsonAsync("/api/keys", new { name = "temp", role = "auditor" })).Content.ReadAsStringAsync())!;
        await client.DeleteAsync($"/api/keys/{key["id"]}");
        await fixture.App.ClientWithKey((string)key["key"]!).GetAsync("/api/history");     // a revoked key fails
        await client.PostAsync("/api/complaints", new StringContent($$"""{"id":"{{Guid.NewGuid()}}","receivedAt":"2026-11-01T10:00:00Z","product":"HX-200","category":"quality"}""",
            System.Text.Encoding.UTF8, "application/x-ndjson"));                           // imports
        await client.PostAsync("/api/exposure", new StringContent("product,region,month,unitsSold\nHX-200,Utah,2026-10,900\n", System.Text.Encoding.UTF8, "text/csv"));
        await client.PostAsync("/api/patterns/scan", null);                                // a scan for patterns
        var candidate = new Routing.Engine.Patterns.PatternCandidate
        {
            Id = Guid.CreateVersion7(), Key = $"history|{Guid.NewGuid()}", Product = "HX-200", Category = "quality", Region = "Utah",
            Method = "rate", Explanation = "HX-200, Utah", Status = "open",
        };
        await fixture.WithStoreAsync(db => { db.Patterns.Add(candidate); return db.SaveChangesAsync(); });
        await client.PostAsJsonAsync($"/api/patterns/{candidate.Id}/dismiss", new { reason = "seen it" }); // a candidate dismissed
        var browser = ConsoleBrowser.Open(fixture.App);                                    // a console session
        await browser.SignInAsync(RoutingApplication.AdminKey);
        var undone = (string)(await client.SubmitAsync(Reports.Valid("design"))).Item("rnd")["id"]!;
        var inbox = await browser.GetStringAsync("/console/inbox?department=rnd");
        foreach (var (action, version) in new[] { ("cancel", 1), ("undo", 2) })            // a cancel taken back
            await browser.PostAsync("/console/inbox?department=rnd&handler=Act&confirmed=true", ConsoleBrowser.Form(inbox, new()
            {
                ["item"] = undone, ["action"] = action, ["version"] = $"{version}", ["note"] = "a duplicate",
            }));
        await browser.PostAsync("/console/sign-out", ConsoleBrowser.Form(await browser.GetStringAsync("/console/sign-out"), []));
        for (var i = 0; i < Routing.Host.Access.FailedAuthentications.Limit; i++) await browser.SignInAsync("rk_wrong"); // too many failures,
        fixture.Clock.Advance(Routing.Host.Access.FailedAuthentications.Window);
        await browser.SignInAsync("rk_wrong");                                             // counted when their window ends

        Assert.Equal("Escalated", (await client.GetItemAsync(escalates)).State());
        Assert.Equal("Verified", (await client.GetItemAsync(resolves)).State());
        Assert.Equal("Reopened", (await client.GetItemAsync(reopens)).State());
        await fixture.AdvanceAsync(TimeSpan.FromDays(60));                                  // the measured fix's two windows

        var kinds = (await fixture.WithStoreAsync(db => db.History.Where(e => e.At >= first).Select(e => e.Kind).Distinct().ToListAsync())).ToHashSet();
        var expected = typeof(HistoryKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        var missing = expected.Except(kinds).ToList();
        Assert.True(missing.Count == 0, $"never written: {string.Join(", ", missing)}");
        Assert.Equal("Resolved", (await client.GetItemAsync(watched)).State());
    }

    [Fact]
    public async Task The_chain_verifies_and_a_row_edited_behind_the_apps_back_is_named()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality"));
        await fixture.SealHistoryAsync();
        var ok = await client.GetJsonAsync("/api/history/verify");
        Assert.True((bool)ok["ok"]!, ok.ToJsonString());
        Assert.Equal(0, (int)ok["unsealed"]!);

        var reportId = Guid.Parse((string)receipt["reportId"]!);
        var target = await fixture.WithStoreAsync(db => db.History.Where(e => e.ReportId == reportId).MinAsync(e => e.Sequence));
        await BehindTheAppsBackAsync($"UPDATE history SET \"Actor\" = 'mallory' WHERE \"Sequence\" = {target}");

        var broken = await client.GetJsonAsync("/api/history/verify");
        Assert.False((bool)broken["ok"]!);
        Assert.Equal(target, (long)broken["firstBrokenSequence"]!);

        // Put the row back: the chain checks out again.
        await BehindTheAppsBackAsync($"UPDATE history SET \"Actor\" = '{RoutingApplication.AdminName}' WHERE \"Sequence\" = {target}");
        Assert.True((bool)(await client.GetJsonAsync("/api/history/verify"))["ok"]!);
    }

    [Fact]
    public async Task Among_thousands_of_events_verify_names_the_first_break_an_edit_before_a_forged_link()
    {
        // Enough events for the verifier to check them in several batches.
        await fixture.WithStoreAsync(db =>
        {
            db.History.AddRange(Enumerable.Range(0, 10_000).Select(i => new HistoryEvent
            {
                At = fixture.Clock.GetUtcNow(), Actor = "system:test", Kind = HistoryKinds.Commented, Department = "logistics",
                Data = $$"""{"note":"n\u00e9 {{i}} <&>"}""",
            }));
            return db.SaveChangesAsync();
        });
        await fixture.SealHistoryAsync();
        var sealedCount = await fixture.WithStoreAsync(db => db.History.LongCountAsync(e => e.ChainIndex != null));
        Assert.Equal(sealedCount, (long)(await client.GetJsonAsync("/api/history/verify"))["events"]!);
        var (edited, forged) = await fixture.WithStoreAsync(async db => (
            await db.History.SingleAsync(e => e.ChainIndex == sealedCount - 6_000),
            await db.History.SingleAsync(e => e.ChainIndex == sealedCount - 100)));

        await BehindTheAppsBackAsync($"UPDATE history SET \"Actor\" = 'mallory' WHERE \"Sequence\" = {edited.Sequence}");
        await BehindTheAppsBackAsync($"UPDATE history SET \"PreviousHash\" = '{new string('f', 64)}' WHERE \"Sequence\" = {forged.Sequence}");
        var both = await client.GetJsonAsync("/api/history/verify");
        Assert.False((bool)both["ok"]!);
        Assert.Equal(edited.Sequence, (long)both["firstBrokenSequence"]!);
        Assert.Equal(edited.ChainIndex - 1, (long)both["events"]!);

        await BehindTheAppsBackAsync($"UPDATE history SET \"Actor\" = 'system:test' WHERE \"Sequence\" = {edited.Sequence}");
        var link = await client.GetJsonAsync("/api/history/verify");
        Assert.Equal(forged.Sequence, (long)link["firstBrokenSequence"]!);
        Assert.Equal(forged.ChainIndex - 1, (long)link["events"]!);

        await BehindTheAppsBackAsync($"UPDATE history SET \"PreviousHash\" = '{forged.PreviousHash}' WHERE \"Sequence\" = {forged.Sequence}");
        Assert.True((bool)(await client.GetJsonAsync("/api/history/verify"))["ok"]!);
    }

    /// SQL run past the guard that keeps sealed events final, as someone holding the database's password could.
    Task BehindTheAppsBackAsync(string sql) => fixture.WithStoreAsync(async db =>
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.ExecuteSqlRawAsync(postgres ? "ALTER TABLE history DISABLE TRIGGER history_append_only" : "DROP TRIGGER history_sealed_is_final");
        await db.Database.ExecuteSqlRawAsync(sql);
        return await db.Database.ExecuteSqlRawAsync(postgres ? "ALTER TABLE history ENABLE TRIGGER history_append_only" : HistoryTriggers.SqliteSealedIsFinal);
    });

    [Fact]
    public async Task Sealed_events_cannot_be_updated_or_deleted_even_with_sql()
    {
        await client.SubmitAsync(Reports.Valid("quality"));
        await fixture.SealHistoryAsync();
        var sequence = await fixture.WithStoreAsync(db => db.History.MaxAsync(e => e.Sequence));
        var postgres = await fixture.WithStoreAsync(db => Task.FromResult(db.Database.IsNpgsql()));
        string Q(string column) => postgres ? $"\"{column}\"" : column;

        foreach (var sql in new[]
                 {
                     $"UPDATE history SET {Q("Kind")} = 'x' WHERE {Q("Sequence")} = {sequence}",
                     $"DELETE FROM history WHERE {Q("Sequence")} = {sequence}",
                 })
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => fixture.WithStoreAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        Assert.Equal(sequence, await fixture.WithStoreAsync(db => db.History.MaxAsync(e => e.Sequence)));
    }

    [Fact]
    public async Task History_is_queried_by_filters_and_paged_with_a_cursor()
    {
        var receipt = await client.SubmitAsync(Reports.Valid("quality").With("vendor", "acme-parts"));
        var reportId = (string)receipt["reportId"]!;

        var all = await client.GetJsonAsync($"/api/history?reportId={reportId}");
        Assert.Equal(["report.accepted", "report.routed", "work-item.routed", "work-item.routed"],
            all["events"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.StartsWith("Routed by ruleset v1 to ", (string)all["events"]![1]!["summary"]!);

        var page1 = await client.GetJsonAsync($"/api/history?reportId={reportId}&limit=3");
        var page2 = await client.GetJsonAsync($"/api/history?reportId={reportId}&limit=3&after={page1["next"]}");
        Assert.Equal(3, page1["events"]!.AsArray().Count);
        Assert.Single(page2["events"]!.AsArray());
        Assert.Null(page2["next"]);

        var vendor = await client.GetJsonAsync($"/api/history?reportId={reportId}&department=acme-parts&kind=work-item.routed");
        Assert.Single(vendor["events"]!.AsArray());
        var byActor = await client.GetJsonAsync($"/api/history?reportId={reportId}&actor={RoutingApplication.AdminName}");
        Assert.Equal(["report.accepted"], byActor["events"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/history?from=soon")).StatusCode);
    }

    [Fact]
    public async Task A_kind_filter_finds_events_stored_under_the_kinds_former_name()
    {
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply"))).Item("logistics")["id"]!;
        await client.DoAsync(id, "acknowledge", "new name");
        // An event written before the kinds were past tense keeps its name: the history is never rewritten.
        await fixture.WithStoreAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.History.Add(new HistoryEvent
            {
                At = fixture.Clock.GetUtcNow(), Actor = "head-of-logistics", Kind = "work-item.acknowledge", WorkItemId = Guid.Parse(id),
                Department = "logistics", Data = """{"before":"Routed","after":"Acknowledged","note":"former name"}""",
            });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });

        foreach (var kind in new[] { "work-item.acknowledged", "work-item.acknowledge" })
        {
            var events = (await client.GetJsonAsync($"/api/history?workItemId={id}&kind={kind}"))["events"]!.AsArray();
            Assert.Equal(["work-item.acknowledged", "work-item.acknowledged"], events.Select(e => (string)e!["kind"]!));
            Assert.Equal([null, "work-item.acknowledge"], events.Select(e => (string?)e!["storedAs"]));
            Assert.All(events, e => Assert.StartsWith("Acknowledged: Routed → Acknowledged", (string)e!["summary"]!));
        }
        var timeline = await client.TimelineAsync(id);
        Assert.Equal(2, timeline.Kinds().Count(k => k == "work-item.acknowledged"));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_422_listing_the_kinds_which_the_openapi_document_lists_too()
    {
        var response = await client.GetAsync("/api/history?kind=work-item.acknowledge-ish");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var message = (string)problem["errors"]!["kind"]![0]!;
        Assert.All(HistoryKinds.All, kind => Assert.Contains(kind, message));

        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var kindParameter = document["paths"]!["/api/history"]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "kind")!;
        Assert.Equal(HistoryKinds.All, kindParameter["schema"]!["enum"].Strings());
        Assert.Contains(HistoryKinds.WorkItemReprioritized, HistoryKinds.All);
        Assert.All(HistoryKinds.All, kind => Assert.Matches(@"^[a-z-]+\.[a-z-]+(ed|ied)$|^[a-z-]+\.(rolled-back|handed-back|failed)$", kind));
    }

    [Fact]
    public async Task Export_streams_the_range_as_ndjson_or_csv()
    {
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var from = fixture.Clock.GetUtcNow();
        await client.SubmitAsync(Reports.Valid("supply"));
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(from.AddSeconds(1).ToString("O"))}";

        var ndjson = (await client.GetStringAsync($"/api/history/export?format=ndjson&{range}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var csv = (await client.GetStringAsync($"/api/history/export?format=csv&{range}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(["report.accepted", "report.routed", "work-item.routed"], ndjson.Select(l => (string)JsonNode.Parse(l)!["kind"]!));
        Assert.StartsWith("sequence,at,actor,kind,", csv[0]);
        Assert.Equal(4, csv.Length);
        Assert.Contains(",report.routed,", csv[2]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/history/export?format=xml")).StatusCode);
    }

    [Fact]
    public async Task Csv_export_escapes_cells_a_spreadsheet_would_run_as_formulas()
    {
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        var from = fixture.Clock.GetUtcNow();
        string[] keyNames = ["=HYPERLINK(1)", "+SUM(1)", "-2+3", "@SUM(1)"];
        foreach (var name in keyNames)
        {
            // The key's name is the actor of every event its calls write.
            var created = await client.PostAsJsonAsync("/api/keys", new { name, role = "csm" });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var key = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!;
            await fixture.App.ClientWithKey(key).SubmitAsync(Reports.Valid("supply"));
        }
        // Key names are trimmed, so tab and CR come in as an event written with them, in the actor and department columns.
        await fixture.WithStoreAsync(async db =>
        {
            db.History.Add(new HistoryEvent { At = fixture.Clock.GetUtcNow(), Actor = "\t=1+1", Kind = "x.written", Department = "\r=1+1", Data = "{}" });
            return await db.SaveChangesAsync();
        });

        var csv = await client.GetStringAsync($"/api/history/export?format=csv&from={Uri.EscapeDataString(from.ToString("O"))}");

        foreach (var name in keyNames) Assert.Contains($",\"'{name}\",report.accepted,", csv);
        Assert.Contains(",\"'\t=1+1\",x.written,,,\"'\r=1+1\",{},", csv);
        foreach (var name in keyNames.Append("\t=1+1").Append("\r=1+1"))
        {
            Assert.DoesNotContain($",{name}", csv);
            Assert.DoesNotContain($",\"{name}", csv);
        }
    }
}

public sealed class HistoryOnSqlite(SqliteFixture fixture) : HistoryTests(fixture), IClassFixture<SqliteFixture>;

public sealed class HistoryOnPostgres(PostgresFixture fixture) : HistoryTests(fixture), IClassFixture<PostgresFixture>;
