using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// Berlin's clocks go forward on Sun 28 March 2027 (CET UTC+1 → CEST UTC+2) and back on Sun 31
/// October 2027. A 09–17 office's due time keeps its local hour across the change; around the
/// clock in Berlin, the Sunday of the change has 23 or 25 hours and working hours are real hours.
public abstract class DueTimesAcrossDstScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task Due_times_count_the_23_hour_and_25_hour_sundays_of_the_changes()
    {
        // Spring. Logistics (office-berlin): Thu 25 Mar 15:00 CET = 14:00Z, a P2. P1D = 8 h: 2 h Thu;
        // Fri 26 Good Friday, Sat 27, Sun 28 (the change), Mon 29 Easter Monday; 6 h Tue 30 →
        // 15:00 CEST = 13:00Z (the local hour kept, the UTC hour one earlier).
        await fixture.AdvanceToAsync(Utc(2027, 3, 25, 14));
        var office = (await client.SubmitAsync(Reports.Valid("supply", "high"))).Item("logistics");
        Assert.Equal(Utc(2027, 3, 30, 13), office.AckDueAt());

        // Manufacturing (00:00–24:00 every day, Berlin): Sat 27 Mar 12:00 CET = 11:00Z, a P1.
        // ackWithin PT4H → 16:00 CET = 15:00Z. resolveWithin P3D = 3 usual days of 24 h = 72 working
        // hours: 12 h Sat; Sun 28 has 23 h (35); Mon 29 24 h (59); 13 h Tue 30 → 13:00 CEST = 11:00Z,
        // 72 real hours on, though the wall clock moved 73.
        await fixture.AdvanceToAsync(Utc(2027, 3, 27, 11));
        var plant = (await client.SubmitAsync(Reports.Valid("quality", "critical"))).Item("manufacturing");
        Assert.Equal((Utc(2027, 3, 27, 15), Utc(2027, 3, 30, 11)), (plant.AckDueAt(), plant.ResolveDueAt()));

        // Autumn. Logistics: Fri 29 Oct 15:00 CEST = 13:00Z, a P2: 2 h Fri; Sat 30, Sun 31 (the
        // change); 6 h Mon 1 Nov → 15:00 CET = 14:00Z.
        await fixture.AdvanceToAsync(Utc(2027, 10, 29, 13));
        var autumnOffice = (await client.SubmitAsync(Reports.Valid("supply", "high"))).Item("logistics");
        Assert.Equal(Utc(2027, 11, 1, 14), autumnOffice.AckDueAt());

        // Manufacturing: Sat 30 Oct 12:00 CEST = 10:00Z, a P1. 72 working hours: 12 h Sat; Sun 31 has
        // 25 h (37); Mon 1 Nov 24 h (61); 11 h Tue 2 → 11:00 CET = 10:00Z.
        await fixture.AdvanceToAsync(Utc(2027, 10, 30, 10));
        var autumnPlant = (await client.SubmitAsync(Reports.Valid("quality", "critical"))).Item("manufacturing");
        var id = (string)autumnPlant["id"]!;
        var resolveDue = Utc(2027, 11, 2, 10);
        Assert.Equal(resolveDue, autumnPlant.ResolveDueAt());
        Assert.Equal(resolveDue, (await client.GetItemAsync(id)).ResolveDueAt());

        // Its resolution-due escalation fires then, and only then.
        await client.DoAsync(id, "acknowledge");
        await fixture.AdvanceToAsync(resolveDue - Minute);
        Assert.Equal("Acknowledged", (await client.GetItemAsync(id)).State());
        await fixture.AdvanceToAsync(resolveDue);
        Assert.Equal("Escalated", (await client.GetItemAsync(id)).State());
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.escalated"));
    }
}

public sealed class DueTimesAcrossDstOnSqlite(SqliteCalendarScenarioFixture fixture)
    : DueTimesAcrossDstScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;
