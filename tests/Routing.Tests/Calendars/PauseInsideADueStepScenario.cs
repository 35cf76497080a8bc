using System.Text.Json.Nodes;
using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// A lifecycle of the rules' own whose waiting state (waiting for the customer's answer) lies
/// inside the resolution-due step: the step runs on through the wait, but its clock does not —
/// the old due time passes without an escalation, and the escalation comes at the moved one.
public abstract class PauseInsideADueStepScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    /// The standard lifecycle with a WaitingForCustomer state between InProgress and InProgress.
    static JsonObject WithCustomer(JsonObject standard)
    {
        var lifecycle = standard.DeepClone().AsObject();
        lifecycle["id"] = "with-customer";
        lifecycle["title"] = "Standard, waiting for the customer";
        lifecycle["states"]!.AsArray().Insert(3, new JsonObject { ["name"] = "WaitingForCustomer", ["kind"] = "waiting" });
        var actions = lifecycle["actions"]!.AsArray();
        actions.Add(new JsonObject { ["name"] = "ask-customer", ["from"] = new JsonArray("InProgress"), ["to"] = "WaitingForCustomer" });
        actions.Add(new JsonObject { ["name"] = "customer-answered", ["from"] = new JsonArray("WaitingForCustomer"), ["to"] = "InProgress" });
        foreach (var name in new[] { "escalate", "cancel" })
            actions.Single(a => (string)a!["name"]! == name)!["from"]!.AsArray().Add("WaitingForCustomer");
        lifecycle["timedSteps"]!.AsArray().Single(s => (string)s!["name"]! == "resolution-due")!["in"]!.AsArray().Add("WaitingForCustomer");
        return lifecycle;
    }

    [Fact]
    public async Task The_old_due_time_passes_in_the_wait_without_an_escalation_and_the_moved_one_escalates()
    {
        var active = await client.GetJsonAsync("/api/rules");
        var draft = new JsonObject
        {
            ["workflows"] = active["workflows"]!.DeepClone(), ["departments"] = active["departments"]!.DeepClone(),
            ["calendars"] = active["calendars"]!.DeepClone(), ["lifecycles"] = active["lifecycles"]!.DeepClone(),
        };
        draft["lifecycles"]!.AsArray().Add(WithCustomer(draft["lifecycles"]!.AsArray().Single(l => (string)l!["id"]! == "standard")!.AsObject()));
        draft["departments"]!.AsArray().Single(d => (string)d!["id"]! == "logistics")!["lifecycle"] = "with-customer";
        await client.PublishAsync(await client.DraftAsync(draft));

        // Mon 14 Dec 2026 09:00 Berlin (CET) = 08:00Z: a P2 for logistics (office-berlin). P7D = 56 h =
        // 7 working days: Mon 14 – Tue 22 → Tue 22 Dec 17:00 CET = 16:00Z.
        await fixture.AdvanceToAsync(Utc(2026, 12, 14, 8));
        var id = (string)(await client.SubmitAsync(Reports.Valid("supply", "high"))).Item("logistics")["id"]!;
        Assert.Equal(Utc(2026, 12, 22, 16), (await client.GetItemAsync(id)).ResolveDueAt());
        await client.DoAsync(id, "start");

        // 10:00 CET the department asks the customer: 55 working hours are left.
        await fixture.AdvanceToAsync(Utc(2026, 12, 14, 9));
        await client.DoAsync(id, "ask-customer");
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.clock-paused"));

        // Cancelled by mistake and undone at once (in the console): still waiting, its clock still stopped.
        var console = ConsoleBrowser.Open(fixture.App);
        var page = await (await console.SignInAsync(RoutingApplication.AdminKey, "/console/inbox?department=logistics")).Content.ReadAsStringAsync();
        async Task ActAsync(string action, string note)
        {
            var version = (int)(await client.GetItemAsync(id))["version"]!;
            var response = await console.PostAsync("/console/inbox?department=logistics&handler=Act&confirmed=true", ConsoleBrowser.Form(page, new()
            {
                ["item"] = id, ["action"] = action, ["version"] = version.ToString(), ["note"] = note,
            }));
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }
        await ActAsync("cancel", "the wrong item");
        await ActAsync("undo", "");
        Assert.Equal("WaitingForCustomer", (await client.GetItemAsync(id)).State());

        // The old due time passes while it waits.
        await fixture.AdvanceToAsync(Utc(2026, 12, 23, 9));
        Assert.Equal(("WaitingForCustomer", 0), ((await client.GetItemAsync(id)).State(), (await client.TimelineAsync(id)).Count("work-item.escalated")));

        // Wed 23 Dec 10:00 CET the customer answers: 55 h from then: 7 h Wed; Thu 24 listed, Fri 25
        // Christmas; Mon 28, Tue 29, Wed 30 (31 h); Thu 31 listed, Fri 1 New Year; Mon 4, Tue 5 (47 h);
        // 8 h Wed 6 → Wed 6 Jan 2027 17:00 CET = 16:00Z.
        var answered = await client.DoAsync(id, "customer-answered");
        var newDue = Utc(2027, 1, 6, 16);
        Assert.Equal(newDue, answered.ResolveDueAt());

        await fixture.AdvanceToAsync(newDue - Minute);
        Assert.Equal("InProgress", (await client.GetItemAsync(id)).State());
        await fixture.AdvanceToAsync(newDue);
        Assert.Equal("Escalated", (await client.GetItemAsync(id)).State());
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.escalated"));
    }
}

public sealed class PauseInsideADueStepOnSqlite(SqliteCalendarScenarioFixture fixture)
    : PauseInsideADueStepScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;
