using Routing.Tests.Infrastructure;
using Routing.Tests.Workflows;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// A SCAR's clock stops while the vendor's root cause waits for the CSMs (CauseProposed) and
/// runs on with the time that was left once they accept it: the resolution falls due later by
/// exactly the working time it waited, and its escalation fires then, not at the old time.
public abstract class PauseWhileCauseProposedScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Waiting_for_the_csms_moves_the_resolution_due_time_by_the_working_time_waited()
    {
        // Mon 30 Nov 2026 09:00 Berlin (CET) = 08:00Z: a P3 SCAR for acme-parts (office-berlin).
        await fixture.AdvanceToAsync(Utc(2026, 11, 30, 8));
        var issued = (await client.SubmitAsync(Reports.Valid("third-party", "medium").With("vendor", "acme-parts"))).Item("acme-parts");
        var id = (string)issued["id"]!;
        // P14D = 14 working days of 8 h from Mon 09:00: 30 Nov – 4 Dec, 7–11, 14–17 Dec → Thu 17 Dec 17:00 CET = 16:00Z.
        var resolveDue = Utc(2026, 12, 17, 16);
        Assert.Equal(resolveDue, issued.ResolveDueAt());

        // Tue 1 Dec 10:00 CET = 09:00Z: the vendor confirms containment and proposes a cause.
        await fixture.AdvanceToAsync(Utc(2026, 12, 1, 9));
        await client.DoWithAsync(id, "confirm-containment", new Dictionary<string, object>
        {
            ["containment"] = "Lot 7731 quarantined", ["containment.confirmedBy"] = "A. Vendor",
        });
        var proposed = await client.DoWithAsync(id, "propose-cause", new Dictionary<string, object>
        {
            ["rootCause.method"] = "fishbone", ["rootCause.cause"] = "A worn die", ["correctiveAction.plan"] = "New die",
            ["correctiveAction.due"] = "2026-12-20",
        });
        Assert.Equal(("CauseProposed", resolveDue), (proposed.State(), proposed.ResolveDueAt()));
        // Left when it stopped: Tue 10–17 (7 h) + 12 working days Wed 2 – Thu 17 Dec (96 h) = 103 h.
        var paused = (await client.TimelineAsync(id)).Single("work-item.clock-paused");
        Assert.Equal("PT103H", (string)paused["data"]!["resolveLeft"]!);
        Assert.Contains("103 h left to resolve", (string)paused["summary"]!);

        // The old due time passes while it waits: nothing escalates.
        await fixture.AdvanceToAsync(resolveDue);
        Assert.Equal(0, (await client.TimelineAsync(id)).Count("work-item.escalated"));

        // Fri 18 Dec 14:00 CET = 13:00Z a CSM accepts. Waited: Tue 1 Dec 10:00 → Fri 18 Dec 14:00 =
        // 7 h Tue + 12 days (96 h) + 5 h Fri = 108 working hours. New due: 103 h from Fri 14:00 =
        // 3 h Fri; Mon 21, Tue 22, Wed 23 (27 h); Thu 24 listed, Fri 25 and Sat 26 Christmas, Sun 27;
        // Mon 28, Tue 29, Wed 30 (51 h); Thu 31 listed, Fri 1 New Year; Mon 4 … Fri 8 Jan (91 h);
        // Mon 11 (99 h); 4 h Tue 12 → Tue 12 Jan 2027 13:00 CET = 12:00Z.
        // That is the old due time (Thu 17 Dec 17:00) moved on by the 108 h waited: Fri 18 … Tue 12 Jan 13:00.
        await fixture.AdvanceToAsync(Utc(2026, 12, 18, 13));
        var csm = fixture.App.ClientWithKey(await client.CreateKeyAsync("csm"));
        var accepted = await csm.DoWithAsync(id, "accept-cause", null);
        var newDue = Utc(2027, 1, 12, 12);
        Assert.Equal(("RootCauseAccepted", newDue), (accepted.State(), accepted.ResolveDueAt()));
        var resumed = (await client.TimelineAsync(id)).Single("work-item.clock-resumed");
        Assert.Equal(newDue, Time(resumed["data"]!["resolveDueAt"]));
        Assert.Equal(Utc(2026, 12, 1, 9), Time(resumed["data"]!["pausedAt"]));

        await fixture.AdvanceToAsync(newDue - Minute);
        Assert.Equal(0, (await client.TimelineAsync(id)).Count("work-item.escalated"));
        await fixture.AdvanceToAsync(newDue);
        var escalated = await client.TimelineAsync(id);
        Assert.Equal(1, escalated.Count("work-item.escalated"));
        Assert.Equal("RootCauseAccepted", (await client.GetItemAsync(id)).State());
        await fixture.AdvanceAsync(TimeSpan.FromDays(7));
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.escalated"));
    }
}

public sealed class PauseWhileCauseProposedOnSqlite(SqliteCalendarScenarioFixture fixture)
    : PauseWhileCauseProposedScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;

public sealed class PauseWhileCauseProposedOnPostgres(PostgresCalendarScenarioFixture fixture)
    : PauseWhileCauseProposedScenario(fixture), IClassFixture<PostgresCalendarScenarioFixture>;
