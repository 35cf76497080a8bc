using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;

namespace Routing.Tests.Calendars;

/// Due times in people's time: the API answers the time left (working time on the department's
/// calendar, clock time otherwise), the calendar and a pause; the console says it in the
/// calendar's clock and marks a paused item. R&D and Acme Parts work on the Berlin office's
/// calendar (Mon–Fri 09:00–17:00, CET = UTC+1 in these weeks); Manufacturing counts around the clock.
public abstract class DueInWorkingTimeTests(RoutingFixture fixture)
{
    readonly HttpClient admin = fixture.Client;

    static readonly Dictionary<string, string> Containment = new() { ["containment"] = "Stock held at the vendor", ["containment.confirmedBy"] = "Ann Lee" };
    static readonly Dictionary<string, string> Cause = new()
    {
        ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die", ["correctiveAction.due"] = "2027-01-15",
    };

    /// Moves the fake clock (firing no timer) to the next `day` at `hour`:00 UTC: the tests share
    /// the clock, so each starts its own week (late Nov or early Dec 2026: no holiday in Berlin).
    DateTimeOffset Next(DayOfWeek day, int hour)
    {
        var now = fixture.Clock.GetUtcNow();
        var date = now.UtcDateTime.Date.AddDays(1);
        while (date.DayOfWeek != day) date = date.AddDays(1);
        var at = new DateTimeOffset(date.AddHours(hour), TimeSpan.Zero);
        fixture.Clock.Advance(at - now);
        Assert.True(at.Month is 11 || at.Day < 14, $"the tests' weeks must stay clear of Christmas: {at}");
        return at;
    }

    static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!).ToUniversalTime();

    async Task<string> PageAsync(string path)
    {
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(await admin.CreateKeyAsync("admin"));
        return WebUtility.HtmlDecode(await browser.GetStringAsync(path));
    }

    [Fact]
    public async Task An_item_on_a_calendar_answers_the_working_time_left_and_its_calendar_and_one_around_the_clock_the_clock_time()
    {
        // Friday 14:00 UTC = 15:00 in Berlin. A critical quality problem for a low-vision group: P1
        // (acknowledge within PT4H, resolve within P3D) for Manufacturing and R&D.
        var friday = Next(DayOfWeek.Friday, 14);
        var receipt = await admin.SubmitAsync(Reports.Valid("quality", "critical").With("segment.accessibility", "low vision"));
        var rndId = (string)receipt.Item("rnd")["id"]!;
        var manufacturingId = (string)receipt.Item("manufacturing")["id"]!;

        var rnd = await admin.GetItemAsync(rndId);
        // R&D, working time: PT4H = Fri 15:00–17:00 + Mon 09:00–11:00 (10:00 UTC); P3D = 3 working
        // days of 8 h = 24 h = Fri 2 h + Mon 8 h + Tue 8 h + Wed 09:00–15:00 (14:00 UTC).
        Assert.Equal(friday.AddDays(3).AddHours(-4), Time(rnd["ackDueAt"]));
        Assert.Equal(friday.AddDays(5), Time(rnd["resolveDueAt"]));
        Assert.Equal(("PT4H", "PT24H"), ((string)rnd["ackDueIn"]!, (string)rnd["resolveDueIn"]!));

        // Saturday noon: Friday's two working hours are used, the weekend uses none.
        fixture.Clock.Advance(TimeSpan.FromHours(22));
        rnd = await admin.GetItemAsync(rndId);
        Assert.Equal(("PT2H", true, "PT22H", true), ((string)rnd["ackDueIn"]!, (bool)rnd["ackDueInWorkingTime"]!,
            (string)rnd["resolveDueIn"]!, (bool)rnd["resolveDueInWorkingTime"]!));
        Assert.Equal("""{"id":"office-berlin","name":"Berlin office","timeZone":"Europe/Berlin"}""", rnd["calendar"]!.ToJsonString());
        Assert.Null(rnd["pausedAt"]);

        // Manufacturing, around the clock: acknowledge by Fri 18:00 UTC (overdue now), resolve by
        // Mon 14:00 UTC: from Sat 12:00 that is 2 days 2 hours, written in hours.
        var manufacturing = await admin.GetItemAsync(manufacturingId);
        Assert.Equal(("PT0S", false, "PT50H", false), ((string)manufacturing["ackDueIn"]!, (bool)manufacturing["ackDueInWorkingTime"]!,
            (string)manufacturing["resolveDueIn"]!, (bool)manufacturing["resolveDueInWorkingTime"]!));
        Assert.Null(manufacturing["calendar"]);

        // The inbox and the report carry the same.
        var inbox = await admin.GetJsonAsync("/api/departments/rnd/work-items?pageSize=200");
        var listed = inbox["items"]!.AsArray().Single(i => (string)i!["id"]! == rndId)!;
        Assert.Equal(("PT2H", "PT22H", "office-berlin"), ((string)listed["ackDueIn"]!, (string)listed["resolveDueIn"]!, (string)listed["calendar"]!["id"]!));
        var report = await admin.GetJsonAsync($"/api/reports/{receipt["reportId"]}");
        var routed = report["workItems"]!.AsArray().Select(w => w!["workItem"]!).Single(w => (string)w["id"]! == manufacturingId);
        Assert.Equal("PT50H", (string)routed["resolveDueIn"]!);

        // The console says the working time and when that is on the calendar's clock; around the clock, as before.
        var page = await PageAsync($"/console/items/{rndId}");
        Assert.Contains("<dt>Acknowledge</dt><dd>due in 2 h of working time (Mon 11:00, Europe/Berlin)</dd>", page);
        Assert.Contains("<dt>Resolve</dt><dd>due in 22 h of working time (Wed 15:00, Europe/Berlin)</dd>", page);
        page = await PageAsync($"/console/items/{manufacturingId}");
        Assert.Contains("<dt>Acknowledge</dt><dd class=\"overdue\">overdue by 18 hours (by <time", page);
        Assert.Contains("<dt>Resolve</dt><dd>within 2 days 2 hours (by <time", page);
        var row = ItemRow(await PageAsync("/console/inbox?department=rnd&state=open"), rndId);
        Assert.Contains("Acknowledge due in 2 h of working time (Mon 11:00, Europe/Berlin)", row);
    }

    [Fact]
    public async Task A_paused_item_answers_since_when_and_the_time_left_then_while_the_clock_moves_on_and_runs_again_from_it()
    {
        // Monday 08:00 UTC = 09:00 in Berlin. A critical SCAR to Acme Parts: acknowledge within
        // PT4H, resolve within P3D = 24 working hours (Mon, Tue, Wed: due Wed 17:00 Berlin).
        var monday = Next(DayOfWeek.Monday, 8);
        var report = Reports.Valid("third-party", "critical").With("vendor", "acme-parts").With("segment.region", $"r-{Guid.NewGuid():N}");
        var id = (string)(await admin.SubmitAsync(report)).Item("acme-parts")["id"]!;
        Assert.Equal(monday.AddDays(2).AddHours(8), Time((await admin.GetItemAsync(id))["resolveDueAt"]));

        // Two working hours later the vendor confirms containment and proposes a cause: the clock
        // stops with 22 of the 24 hours left (and 2 of the 4 to acknowledge).
        fixture.Clock.Advance(TimeSpan.FromHours(2));
        await admin.DoWithAsync(id, "confirm-containment", Containment);
        var proposed = await admin.DoWithAsync(id, "propose-cause", Cause);
        Assert.Equal("CauseProposed", proposed.State());
        Assert.Equal(monday.AddHours(2), Time(proposed["pausedAt"]));
        Assert.Equal(("PT2H", "PT22H"), ((string)proposed["ackDueIn"]!, (string)proposed["resolveDueIn"]!));

        // A day later (Tue 11:00 in Berlin, 8 working hours on) the time left has not moved.
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var waiting = await admin.GetItemAsync(id);
        Assert.Equal(monday.AddHours(2), Time(waiting["pausedAt"]));
        Assert.Equal(("PT2H", "PT22H"), ((string)waiting["ackDueIn"]!, (string)waiting["resolveDueIn"]!));

        // The console marks it paused, on its page and in the inbox, with the time left then.
        const string Mark = "<span class=\"badge-paused\">Paused</span> SLA clock paused since Mon 11:00, Europe/Berlin " +
                            "(waiting: CauseProposed) — 22 h of working time left to resolve";
        Assert.Matches($"<dt>SLA clock</dt><dd class=\"paused\">\\s*{Regex.Escape(Mark)}", await PageAsync($"/console/items/{id}"));
        Assert.Contains(Mark, ItemRow(await PageAsync("/console/inbox?department=acme-parts&state=open"), id));

        // The CSMs accept the cause: the clock runs again from the 22 hours, Tue 11:00–17:00, Wed,
        // Thu 09:00–17:00 (16:00 UTC).
        var accepted = await admin.DoWithAsync(id, "accept-cause", null);
        Assert.Null(accepted["pausedAt"]);
        Assert.Equal("PT22H", (string)accepted["resolveDueIn"]!);
        Assert.Equal(monday.AddDays(3).AddHours(8), Time(accepted["resolveDueAt"]));
        Assert.DoesNotContain("badge-paused", await PageAsync($"/console/items/{id}"));
    }

    /// The inbox's row of an item, as its HTML.
    static string ItemRow(string inbox, string id)
    {
        var start = inbox.IndexOf($"id=\"item-{Routing.Host.Pages.ShortId.Of(Guid.Parse(id))}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"the inbox lists {id}");
        return inbox[start..inbox.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }
}

public sealed class DueInWorkingTimeOnSqlite(SqliteCalendarRulesFixture fixture) : DueInWorkingTimeTests(fixture), IClassFixture<SqliteCalendarRulesFixture>;

public sealed class DueInWorkingTimeOnPostgres(PostgresCalendarRulesFixture fixture) : DueInWorkingTimeTests(fixture), IClassFixture<PostgresCalendarRulesFixture>;
