using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Calendars;
using Routing.Engine.Reports;
using Routing.Engine.WorkItems;
using Routing.Tests.Calendars;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Metrics;

/// What accountability counts is recorded on the item at the move that makes it true, whoever
/// takes it: the acknowledgement (the first person's move into work, escalated or not), its SLA
/// time from opening on the department's calendar with waits left out, the first resolution, a
/// verification, reopens, hand-backs (unless undone); on the report, who submitted it and when
/// its problem was fixed; and a row for each rule that opened an item. Logistics and the vendor
/// acme-parts work on office-berlin (09–17 Mon–Fri); each test starts on a Monday of a week
/// without holidays, so the working hours below are counted by hand.
public abstract class ItemFactsTests(CalendarScenarioFixture fixture)
{
    const string Berlin = "Europe/Berlin";
    readonly HttpClient admin = fixture.Client;

    [Fact]
    public async Task An_acknowledgement_after_escalation_counts_in_working_time_and_a_cancel_is_none()
    {
        var monday = await MondayAsync();
        var item = Id((await admin.SubmitAsync(Reports.Valid("supply", "critical"))).Item("logistics"));
        var cancelled = Id((await admin.SubmitAsync(Reports.Valid("supply", "critical"))).Item("logistics"));
        await fixture.AdvanceToAsync(monday.AddMinutes(30));
        await admin.DoAsync(cancelled, "cancel", "a duplicate");

        // Acknowledgement was due Monday 13:00 (PT4H); by Wednesday the follow-ups have escalated it.
        var wednesday = monday.AddDays(2).AddHours(1);
        await fixture.AdvanceToAsync(wednesday);
        Assert.Equal("Escalated", (await admin.GetItemAsync(item)).State());
        await admin.DoAsync(item, "acknowledge");

        // Mon 09:00 → Wed 10:00: 8 h Monday + 8 h Tuesday + 1 h Wednesday = 17 working hours (49 on the clock).
        var facts = await FactsAsync(item);
        Assert.Equal((wednesday, 17 * 3600L, false), (facts.AcknowledgedAt, facts.AckTookSeconds, facts.AckMet));
        Assert.Equal(ItemFacts.Version, facts.MetricsVersion);
        var none = await FactsAsync(cancelled);
        Assert.Equal((null, null, null), (none.AcknowledgedAt, none.AckTookSeconds, none.AckMet));
    }

    [Fact]
    public async Task A_reprioritized_item_counts_its_time_to_acknowledge_from_when_it_opened()
    {
        var monday = await MondayAsync();
        var report = Reports.Valid("supply", "low").With("segment.region", "Idaho");
        var item = Id((await admin.SubmitAsync(report)).Item("logistics"));
        // 11:00: the pattern comes back critical; acknowledgement is now due at 11:00 + PT4H = 15:00.
        await fixture.AdvanceToAsync(monday.AddHours(2));
        await admin.SubmitAsync(report.DeepClone().AsObject().With("severity", "critical"));
        Assert.Equal(monday.AddHours(6), (await admin.GetItemAsync(item)).AckDueAt());

        var acknowledged = monday.AddHours(5);
        await fixture.AdvanceToAsync(acknowledged);
        await admin.DoAsync(item, "acknowledge");

        // 09:00 → 14:00 is 5 h, not the 3 h since the recurrence (nor PT4H's window less the 1 h left).
        var facts = await FactsAsync(item);
        Assert.Equal((acknowledged, 5 * 3600L, true), (facts.AcknowledgedAt, facts.AckTookSeconds, facts.AckMet));
    }

    [Fact]
    public async Task A_supplier_corrective_action_leaves_the_working_time_it_waited_for_the_csms_out_of_its_time_to_resolve()
    {
        var monday = await MondayAsync();
        var id = Id((await admin.SubmitAsync(Reports.Valid("third-party", "medium").With("vendor", "acme-parts"))).Item("acme-parts"));
        await fixture.AdvanceToAsync(monday.AddHours(1));
        await admin.DoWithAsync(id, "confirm-containment", new Dictionary<string, object>
        {
            ["containment"] = "Lot 7731 quarantined", ["containment.confirmedBy"] = "A. Vendor",
        });
        // Monday 16:00 the vendor proposes a cause; a CSM accepts it Tuesday 10:00: 1 h Monday + 1 h Tuesday waited.
        await fixture.AdvanceToAsync(monday.AddHours(7));
        await admin.DoWithAsync(id, "propose-cause", new Dictionary<string, object>
        {
            ["rootCause.method"] = "fishbone", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die",
            ["correctiveAction.due"] = "2027-03-01",
        });
        await fixture.AdvanceToAsync(monday.AddDays(1).AddHours(1));
        var csm = fixture.App.ClientWithKey(await admin.CreateKeyAsync("csm"));
        await csm.DoWithAsync(id, "accept-cause", null);
        var resolved = monday.AddDays(1).AddHours(2);
        await fixture.AdvanceToAsync(resolved);
        await admin.DoWithAsync(id, "resolve", new Dictionary<string, object>
        {
            ["correctiveAction.taken"] = "Die replaced", ["preventiveAction"] = "Die wear checked weekly",
        });

        var facts = await FactsAsync(id);
        // Acknowledged (containment confirmed) after 1 h, before the wait.
        Assert.Equal((monday.AddHours(1), 3600L, true, 0L), (facts.AcknowledgedAt, facts.AckTookSeconds, facts.AckMet, facts.AckPausedSeconds));
        // Mon 09:00 → Tue 11:00 is 8 h + 2 h = 10 working hours, less the 2 h waited: 8 h.
        Assert.Equal((resolved, 8 * 3600L, true, 2 * 3600L),
            (facts.FirstResolvedAt, facts.ResolveTookSeconds, facts.ResolveMet, facts.ResolvePausedSeconds));
    }

    [Fact]
    public async Task A_hand_back_is_recorded_until_it_is_undone()
    {
        var monday = await MondayAsync();
        var receipt = await admin.SubmitAsync(Reports.Valid("supply"));
        var item = Id(receipt.Item("logistics"));
        var browser = ConsoleBrowser.Open(fixture.App);
        var page = await (await browser.SignInAsync(await admin.CreateKeyAsync("department-head", "logistics"), "/console/inbox?department=logistics"))
            .Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, await ActAsync("hand-back", 1, "a vendor problem"));
        var handedBack = await FactsAsync(item);
        Assert.Equal(monday, handedBack.HandedBackAt);
        // Handed back is not an acknowledgement; the item it opened in triage came from no rule.
        Assert.Null(handedBack.AcknowledgedAt);
        var triage = await fixture.WithStoreAsync(db => db.WorkItems.AsNoTracking()
            .SingleAsync(w => w.ReportId == Guid.Parse((string)receipt["reportId"]!) && w.Department == "triage"));
        Assert.Empty(await RulesAsync(triage.Id.ToString()));

        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await ActAsync("undo", 2));
        Assert.Equal("Routed", (await admin.GetItemAsync(item)).State());
        Assert.Null((await FactsAsync(item)).HandedBackAt);

        async Task<HttpStatusCode> ActAsync(string action, int version, string? note = null) =>
            (await browser.PostAsync("/console/inbox?department=logistics&handler=Act&confirmed=true", ConsoleBrowser.Form(page, new()
            {
                ["item"] = item, ["action"] = action, ["version"] = version.ToString(), ["note"] = note ?? "",
            }))).StatusCode;
    }

    [Fact]
    public async Task A_report_records_who_submitted_it_and_is_fixed_when_its_last_owed_item_is_verified()
    {
        var monday = await MondayAsync();
        var (name, key) = await CsmKeyAsync();
        var csm = fixture.App.ClientWithKey(key);
        // A seasonal quality defect goes to manufacturing and rnd.
        var receipt = await csm.SubmitAsync(Reports.Valid("quality", "critical").With("segment.months", new JsonArray(12, 1, 2)));
        var reportId = Guid.Parse((string)receipt["reportId"]!);
        var (manufacturing, rnd) = (receipt.Item("manufacturing"), receipt.Item("rnd"));
        Assert.Equal(name, (await ReportAsync(reportId)).SubmittedBy);
        // One row per rule that opened each item, as the receipt lists them.
        foreach (var opened in new[] { manufacturing, rnd })
            Assert.Equal(opened["matchedRules"].Strings().Order(), (await RulesAsync(Id(opened))).Select(r => r.Rule).Order());
        Assert.Equal(["manufacturing"], (await RulesAsync(Id(manufacturing))).Select(r => r.Department).Distinct());

        await admin.DoAsync(Id(rnd), "acknowledge");
        var resolved = monday.AddHours(1);
        await fixture.AdvanceToAsync(resolved);
        await admin.DoAsync(Id(rnd), "resolve", "redesigned the board");

        // P1 is checked a week after its resolution, on calendar time; nothing recurred, so it is verified.
        var checkedAt = resolved.AddDays(7);
        await fixture.AdvanceToAsync(checkedAt);
        Assert.Equal("Verified", (await admin.GetItemAsync(Id(rnd))).State());
        var verified = await FactsAsync(Id(rnd));
        Assert.Equal((checkedAt, resolved), (verified.VerifiedAt, verified.FirstResolvedAt));
        // Manufacturing's item is still owed.
        Assert.Null((await ReportAsync(reportId)).FixedAt);

        // Manufacturing cancels its item: it is not owed, so the report was fixed when rnd's item was verified.
        var browser = ConsoleBrowser.Open(fixture.App);
        const string inbox = "/console/inbox?department=manufacturing";
        var page = await (await browser.SignInAsync(await admin.CreateKeyAsync("department-head", "manufacturing"), inbox)).Content.ReadAsStringAsync();
        var version = (int)(await admin.GetItemAsync(Id(manufacturing)))["version"]!;
        Assert.Equal(HttpStatusCode.OK, await ActAsync("cancel", version, "not a production fault"));
        Assert.Equal(checkedAt, (await ReportAsync(reportId)).FixedAt);
        // Undone, the cancel leaves the item owed again.
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await ActAsync("undo", version + 1));
        Assert.Null((await ReportAsync(reportId)).FixedAt);

        async Task<HttpStatusCode> ActAsync(string action, int version, string? note = null) =>
            (await browser.PostAsync($"{inbox}&handler=Act&confirmed=true", ConsoleBrowser.Form(page, new()
            {
                ["item"] = Id(manufacturing), ["action"] = action, ["version"] = version.ToString(), ["note"] = note ?? "",
            }))).StatusCode;
    }

    [Fact]
    public async Task A_reopen_is_counted_and_the_first_resolution_stays()
    {
        var monday = await MondayAsync();
        var report = Reports.Valid("supply", "medium").With("segment.region", "Ohio");
        var id = Id((await admin.SubmitAsync(report)).Item("logistics"));
        await admin.DoAsync(id, "acknowledge");
        await admin.DoAsync(id, "resolve", "fixed");
        await fixture.AdvanceToAsync(monday.AddDays(3));
        await admin.SubmitAsync(report.DeepClone());

        // Checked P14D after its resolution: the pattern came back, so it reopens.
        await fixture.AdvanceToAsync(monday.AddDays(14));
        Assert.Equal("Reopened", (await admin.GetItemAsync(id)).State());
        var facts = await FactsAsync(id);
        Assert.Equal((1, monday, null, null), (facts.ReopenedCount, facts.FirstResolvedAt, facts.ResolvedAt, facts.VerifiedAt));
        Assert.Null((await ReportAsync(facts.ReportId)).FixedAt);
    }

    static string Id(JsonObject item) => (string)item["id"]!;

    Task<WorkItem> FactsAsync(string id) =>
        fixture.WithStoreAsync(db => db.WorkItems.AsNoTracking().SingleAsync(w => w.Id == Guid.Parse(id)));

    Task<Report> ReportAsync(Guid id) => fixture.WithStoreAsync(db => db.Reports.AsNoTracking().SingleAsync(r => r.Id == id));

    Task<List<WorkItemRule>> RulesAsync(string id) =>
        fixture.WithStoreAsync(db => db.WorkItemRules.AsNoTracking().Where(r => r.WorkItemId == Guid.Parse(id)).ToListAsync());

    async Task<(string Name, string Key)> CsmKeyAsync()
    {
        var name = $"csm-{Guid.NewGuid():N}"[..20];
        var response = await admin.PostAsJsonAsync("/api/keys", new { name, role = "csm", departments = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (name, (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["key"]!);
    }

    /// Moves the clock to 09:00 (Berlin) on the next Monday of a week whose five days are all
    /// working days on office-berlin, a day or more ahead (tests share the clock, in any order).
    async Task<DateTimeOffset> MondayAsync()
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fixture.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(Berlin)).DateTime).AddDays(1);
        while (true)
        {
            while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
            var monday = At(Berlin, day.Year, day.Month, day.Day, 9);
            if (OfficeBerlin.Between(monday, monday.AddDays(5)) == TimeSpan.FromHours(40))
            {
                await fixture.AdvanceToAsync(monday);
                return monday;
            }
            day = day.AddDays(1);
        }
    }

    static readonly BusinessClock OfficeBerlin = new(Build(JsonSerializer.Deserialize<List<CalendarDefinition>>(
        TestRules.PartJson(Path.Combine(TestRules.Shipped, "calendars.json")), JsonSerializerOptions.Web)!.Single(d => d.Id == "office-berlin")));
}

public sealed class ItemFactsOnSqlite(SqliteCalendarScenarioFixture fixture) : ItemFactsTests(fixture), IClassFixture<SqliteCalendarScenarioFixture>;

public sealed class ItemFactsOnPostgres(PostgresCalendarScenarioFixture fixture) : ItemFactsTests(fixture), IClassFixture<PostgresCalendarScenarioFixture>;
