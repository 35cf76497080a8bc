using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// Logistics works in Berlin, triage in Chicago (08–12 and 13–17 Mon–Fri, US holidays): an item
/// logistics hands back opens a triage item whose due times count on Chicago's hours from the
/// hand-back, and its reminder comes then.
public abstract class HandBackToChicagoScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_triage_item_opened_by_a_hand_back_counts_on_chicagos_hours_from_then()
    {
        // Wed 25 Nov 2026 10:00 Berlin (CET) = 09:00Z: a P2 for logistics.
        await fixture.AdvanceToAsync(Utc(2026, 11, 25, 9));
        var receipt = await client.SubmitAsync(Reports.Valid("supply", "high"));
        var id = (string)receipt.Item("logistics")["id"]!;
        // On Berlin's hours: P1D = 8 h → Thu 26 Nov 10:00 CET = 09:00Z.
        Assert.Equal(Utc(2026, 11, 26, 9), receipt.Item("logistics").AckDueAt());

        // Handed back at 16:00 Berlin = 15:00Z = 09:00 in Chicago (CST, UTC−6).
        await fixture.AdvanceToAsync(Utc(2026, 11, 25, 15));
        var handedBack = await client.DoAsync(id, "hand-back", "Not a logistics problem: the carrier is the customer's");
        var report = await client.GetJsonAsync($"/api/reports/{handedBack["reportId"]}");
        var triage = report["workItems"]!.AsArray().Single(w => (string)w!["workItem"]!["department"]! == "triage")!["workItem"]!.AsObject();
        var triageId = (string)triage["id"]!;

        // Chicago, from Wed 09:00 CST: P1D = one 8 h day there: 3 h (09–12) + 4 h (13–17) Wed;
        // Thu 26 Thanksgiving; 1 h Fri 27 (08–09) → Fri 27 Nov 09:00 CST = 15:00Z.
        var ackDue = Utc(2026, 11, 27, 15);
        // P7D = 56 h: 7 h Wed; Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4 Dec (55 h); 1 h Mon 7 →
        // Mon 7 Dec 09:00 CST = 15:00Z.
        var resolveDue = Utc(2026, 12, 7, 15);
        Assert.Equal((ackDue, resolveDue), (triage.AckDueAt(), triage.ResolveDueAt()));

        await fixture.AdvanceToAsync(ackDue - Minute);
        Assert.Equal(0, (await client.TimelineAsync(triageId)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(ackDue);
        Assert.Equal(1, (await client.TimelineAsync(triageId)).Count("work-item.reminded"));
    }
}

public sealed class HandBackToChicagoOnSqlite(SqliteCalendarScenarioFixture fixture)
    : HandBackToChicagoScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;
