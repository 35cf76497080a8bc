using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Timers;
using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Routing.Tests.Calendars.CalendarChangeFixture;

namespace Routing.Tests.Calendars;

/// Changing a calendar is safe: publishing it counts the due times of the open items on it
/// again from the time each had left, moves their timers, writes one history event per item
/// moved, and the draft's comparison says beforehand how many would move and how far.
public abstract class CalendarChangeTests(CalendarChangeFixture fixture)
{
    readonly HttpClient client = fixture.Client;
    const string Moved = "work-item.due-times-moved";

    static readonly Dictionary<string, string> Containment = new() { ["containment"] = "Stock held at the vendor", ["containment.confirmedBy"] = "Ann Lee" };
    static readonly Dictionary<string, string> Cause = new()
    {
        ["rootCause.method"] = "5-whys", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die", ["correctiveAction.due"] = "2027-06-15",
    };

    [Fact]
    public async Task A_holiday_on_the_due_day_moves_the_open_items_due_times_and_timers_as_the_drafts_comparison_said()
    {
        var monday = await fixture.ToNextMondayAsync(10);
        var open = await NewAsync(Reports.Valid("supply", "medium"), "logistics");
        var critical = await NewAsync(Reports.Valid("supply", "critical"), "logistics"); // counts around the clock
        var resolved = await NewAsync(Reports.Valid("supply", "medium"), "logistics");
        foreach (var action in new[] { "acknowledge", "start", "resolve" }) await client.DoAsync(resolved, action, "done");
        // Opened Monday 10:00 on 09:00–17:00, a day of 8 working hours: acknowledge within 2 days (16 h), by
        // Wednesday 10:00; resolve within 14 days (112 h), by the Friday of the third week, 10:00.
        Assert.Equal((At(monday.AddDays(2), 10), At(monday.AddDays(18), 10)), DueTimes(await client.GetItemAsync(open)));
        var criticalDue = DueTimes(await client.GetItemAsync(critical));
        var resolvedDue = DueTimes(await client.GetItemAsync(resolved));

        await fixture.ToAsync(At(monday, 12));
        var draft = Draft(await client.GetJsonAsync("/api/rules"));
        Calendar(draft, "office-logistics")["holidays"] = new JsonObject { ["dates"] = new JsonArray($"{monday.AddDays(2):yyyy-MM-dd}") };
        var version = await client.DraftAsync(draft);

        // At Monday 12:00 the item has 14 working hours left to acknowledge: 5 on Monday, 8 on Tuesday, 1 on
        // Wednesday. With Wednesday off the last hour is Thursday 09:00–10:00: a day later. Its 105 hours left to
        // resolve end a working day later too: the Friday becomes the Monday after, three days later.
        var dueTimes = (await client.GetJsonAsync($"/api/rules/versions/{version}/diff"))["dueTimes"]!;
        Assert.Equal((1, "P1D", "P3D"), ((int)dueTimes["items"]!, (string?)dueTimes["earliest"], (string?)dueTimes["latest"]));
        // Replaying the draft says the same beside the reports it would route elsewhere.
        var replay = JsonNode.Parse(await (await client.PostAsync(
            $"/api/rules/versions/{version}/replay?from={monday.AddDays(-7):yyyy-MM-dd}T00:00:00Z&to={monday.AddDays(1):yyyy-MM-dd}T00:00:00Z", null))
            .Content.ReadAsStringAsync())!;
        Assert.Equal(dueTimes.ToJsonString(), replay["dueTimes"]!.ToJsonString());
        var department = Assert.Single(dueTimes["byDepartment"]!.AsArray())!;
        Assert.Equal(("logistics", "office-logistics", "office-logistics", 1),
            ((string)department["department"]!, (string?)department["fromCalendar"], (string?)department["toCalendar"], (int)department["items"]!));
        var browser = ConsoleBrowser.Open(fixture.App);
        await browser.SignInAsync(RoutingApplication.AdminKey);
        Assert.Contains("Publishing moves the due times of 1 open item (by up to 3 d later).",
            await browser.GetStringAsync($"/console/rules?version={version}"));

        var published = await client.PostAsync($"/api/rules/versions/{version}/publish", null);
        Assert.Equal(1, (int)JsonNode.Parse(await published.Content.ReadAsStringAsync())!["dueTimesMoved"]!);

        (DateTimeOffset Ack, DateTimeOffset Resolve) moved = (At(monday.AddDays(3), 10), At(monday.AddDays(21), 10));
        Assert.Equal(moved, DueTimes(await client.GetItemAsync(open)));
        var recorded = Assert.Single(await client.TimelineAsync(open), e => (string)e!["kind"]! == Moved)!["data"]!;
        Assert.Equal(version, (int)recorded["rulesetVersion"]!);
        Assert.Equal((At(monday.AddDays(2), 10), At(monday.AddDays(18), 10)), DueTimes(recorded["before"]!));
        Assert.Equal(moved, DueTimes(recorded["after"]!));
        // Around the clock a holiday changes nothing; a resolved item is not counted again.
        Assert.Equal(criticalDue, DueTimes(await client.GetItemAsync(critical)));
        Assert.Equal(resolvedDue, DueTimes(await client.GetItemAsync(resolved)));
        Assert.DoesNotContain(Moved, (await client.TimelineAsync(critical)).Kinds());
        Assert.DoesNotContain(Moved, (await client.TimelineAsync(resolved)).Kinds());
        // Its timers are pending at the new times and not yet handed to Hangfire: the dispatcher hands them as any new one.
        var timers = await PendingAsync(open);
        Assert.Equal([("follow-up", moved.Ack), ("resolution-due", moved.Resolve)], timers.Select(t => (t.Step, t.DueAt)).Order());
        Assert.All(timers, t => Assert.Null(t.HandedOffAt));

        await fixture.ToAsync(At(monday.AddDays(2), 11));   // Wednesday, past the old due time
        Assert.Equal(0, await RemindersAsync(open));
        await fixture.ToAsync(At(monday.AddDays(3), 10));   // Thursday 10:00, the new one
        Assert.Equal(1, await RemindersAsync(open));
        await fixture.ToAsync(At(monday.AddDays(4), 10));   // Friday: on the old times the second reminder's day ended in escalation
        Assert.Equal(2, await RemindersAsync(open));
        Assert.Equal("Routed", (await client.GetItemAsync(open)).State());
        await fixture.ToAsync(At(monday.AddDays(7), 10));   // a working day (8 h) after the second reminder
        Assert.Equal("Escalated", (await client.GetItemAsync(open)).State());
    }

    [Fact]
    public async Task A_paused_items_frozen_time_left_is_carried_to_the_new_calendar()
    {
        var monday = await fixture.ToNextMondayAsync(10);
        var id = await NewAsync(Reports.Valid("third-party", "medium").With("vendor", "acme-parts"), "acme-parts");
        await client.DoWithAsync(id, "confirm-containment", Containment);
        await client.DoWithAsync(id, "propose-cause", Cause); // with the CSMs: the clock stops at Monday 10:00
        // Frozen: 16 working hours to acknowledge (by Wednesday 10:00), 112 to resolve (by the third Friday, 10:00).
        Assert.Equal((At(monday.AddDays(2), 10), At(monday.AddDays(18), 10)), DueTimes(await client.GetItemAsync(id)));

        await fixture.ToAsync(At(monday, 15));
        var draft = Draft(await client.GetJsonAsync("/api/rules"));
        Calendar(draft, "office-vendor")["holidays"] = new JsonObject { ["dates"] = new JsonArray($"{monday.AddDays(3):yyyy-MM-dd}") };
        await client.PublishAsync(await client.DraftAsync(draft));

        // Counted from where the clock stopped, Monday 10:00: the 16 hours still end Wednesday 10:00, before the
        // Thursday off; the 112 hours skip it and end a working day later, the Monday of the fourth week.
        Assert.Equal((At(monday.AddDays(2), 10), At(monday.AddDays(21), 10)), DueTimes(await client.GetItemAsync(id)));
        Assert.Single((await client.TimelineAsync(id)).Kinds(), Moved);

        await fixture.ToAsync(At(monday.AddDays(1), 10));
        await client.DoWithAsync(id, "accept-cause", null);
        // The clock runs again on Tuesday 10:00 with all the time it had when it stopped. 16 h: 7 on Tuesday, 8 on
        // Wednesday, Thursday off, the last Friday 09:00–10:00. 112 h, 14 working days: Tuesday of the fourth week.
        // (Had the publish left the due times, resuming would have lost Thursday's 8 hours: Thursday 10:00 and the Monday.)
        Assert.Equal((At(monday.AddDays(4), 10), At(monday.AddDays(22), 10)), DueTimes(await client.GetItemAsync(id)));
    }

    [Fact]
    public async Task A_department_given_a_calendar_counts_its_open_items_on_it_and_a_rollback_counts_them_back()
    {
        var monday = await fixture.ToNextMondayAsync(10);
        var id = await NewAsync(Reports.Valid("design", "medium"), "rnd");
        // Around the clock: acknowledge within 2 days, by Wednesday 10:00.
        var opened = DueTimes(await client.GetItemAsync(id));
        Assert.Equal(At(monday.AddDays(2), 10), opened.Ack);

        await fixture.ToAsync(At(monday, 12));
        var active = await client.GetJsonAsync("/api/rules");
        var draft = Draft(active);
        draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == "rnd")!["calendar"] = "office-logistics";
        var version = await client.DraftAsync(draft);
        var shifts = Assert.Single((await client.GetJsonAsync($"/api/rules/versions/{version}/diff"))["dueTimes"]!["byDepartment"]!.AsArray())!;
        Assert.Equal(("rnd", null, "office-logistics", 1),
            ((string)shifts["department"]!, (string?)shifts["fromCalendar"], (string?)shifts["toCalendar"], (int)shifts["items"]!));
        await client.PublishAsync(version);

        // At Monday 12:00, 46 of the window's 48 hours were left; on 8 h days the window is 16 working hours, and
        // 46/48 of them is 15 h 20 min: 5 on Monday, 8 on Tuesday, Wednesday 09:00–11:20.
        Assert.Equal(At(monday.AddDays(2), 11) + TimeSpan.FromMinutes(20), DueTimes(await client.GetItemAsync(id)).Ack);

        // Rolled back at Monday 14:00: 13 h 20 min of the 16 working hours were left (3 Monday, 8 Tuesday, 2 h 20 min
        // Wednesday); 13⅓/16 of 48 hours is 40 hours around the clock again, from 14:00: Wednesday 06:00. Time used
        // on either calendar stays used.
        await fixture.ToAsync(At(monday, 14));
        await client.PublishAsync((int)active["version"]!);
        Assert.Equal(At(monday.AddDays(2), 6), DueTimes(await client.GetItemAsync(id)).Ack);
        var moves = (await client.TimelineAsync(id)).Where(e => (string)e!["kind"]! == Moved).Select(e => e!["data"]!).ToList();
        Assert.Equal([(null, "office-logistics"), ("office-logistics", null)],
            moves.Select(m => ((string?)m["fromCalendar"], (string?)m["toCalendar"])));
    }

    async Task<string> NewAsync(JsonObject report, string department) => (string)(await client.SubmitAsync(report)).Item(department)["id"]!;

    static (DateTimeOffset Ack, DateTimeOffset Resolve) DueTimes(JsonNode item) =>
        (DateTimeOffset.Parse((string)item["ackDueAt"]!), DateTimeOffset.Parse((string)item["resolveDueAt"]!));

    async Task<int> RemindersAsync(string id) => (await client.TimelineAsync(id)).Kinds().Count(k => k == "work-item.reminded");

    Task<List<WorkItemTimer>> PendingAsync(string id) => fixture.WithStoreAsync(db =>
        db.Timers.AsNoTracking().Where(t => t.WorkItemId == Guid.Parse(id) && t.Status == TimerStatus.Pending).ToListAsync());

    /// The active version as a draft: its workflows, departments and calendars (its lifecycles kept).
    static JsonObject Draft(JsonObject active) => new()
    {
        ["workflows"] = active["workflows"]!.DeepClone(),
        ["departments"] = active["departments"]!.DeepClone(),
        ["calendars"] = active["calendars"]!.DeepClone(),
    };

    static JsonObject Calendar(JsonObject draft, string id) => draft["calendars"]!.AsArray().Single(c => (string)c!["id"]! == id)!.AsObject();
}

public sealed class CalendarChangeOnSqlite(SqliteCalendarChangeFixture fixture) : CalendarChangeTests(fixture), IClassFixture<SqliteCalendarChangeFixture>;

public sealed class CalendarChangeOnPostgres(PostgresCalendarChangeFixture fixture) : CalendarChangeTests(fixture), IClassFixture<PostgresCalendarChangeFixture>;
