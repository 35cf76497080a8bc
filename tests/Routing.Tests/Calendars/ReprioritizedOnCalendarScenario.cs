using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// Recurrences raise P4s on Berlin's office hours to P1 and P2: their new due times and their
/// follow-ups count on the calendar from the recurrence.
public abstract class ReprioritizedOnCalendarScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_critical_recurrence_counts_the_P1_windows_on_the_calendar_from_its_arrival()
    {
        // Mon 7 Dec 2026 09:00 Berlin (CET) = 08:00Z: a P4 for logistics.
        await fixture.AdvanceToAsync(Utc(2026, 12, 7, 8));
        var pattern = Reports.Valid("supply", "low").With("segment.region", "Brandenburg");
        var p4 = (await client.SubmitAsync(pattern)).Item("logistics");
        var id = (string)p4["id"]!;
        // P5D = 5 working days: Mon 7 – Fri 11 → Fri 11 Dec 17:00 CET = 16:00Z.
        Assert.Equal(Utc(2026, 12, 11, 16), p4.AckDueAt());
        var other = Reports.Valid("supply", "low").With("segment.region", "Saxony");
        var otherId = (string)(await client.SubmitAsync(other)).Item("logistics")["id"]!;

        // 15:00 CET = 14:00Z the same pattern comes back critical.
        await fixture.AdvanceToAsync(Utc(2026, 12, 7, 14));
        var raised = (await client.SubmitAsync(pattern.DeepClone().AsObject().With("severity", "critical"))).Item("logistics");
        var raisedToP2 = (await client.SubmitAsync(other.DeepClone().AsObject().With("severity", "high"))).Item("logistics");
        // P1 ackWithin PT4H: 2 h Mon (15–17) + 2 h Tue → Tue 8 Dec 11:00 CET = 10:00Z.
        // resolveWithin P3D = 24 working hours: 2 h Mon, Tue, Wed (18 h), 6 h Thu → Thu 10 Dec 15:00 CET = 14:00Z.
        var ackDue = Utc(2026, 12, 8, 10);
        Assert.Equal(("P1", id), ((string)raised["priority"]!, (string)raised["id"]!));
        Assert.Equal((ackDue, Utc(2026, 12, 10, 14)), (raised.AckDueAt(), raised.ResolveDueAt()));

        // Follow-ups every 2 working hours (half of PT4H): reminders Tue 11:00 and 13:00 CET, the
        // escalation at 15:00 CET = 14:00Z.
        await fixture.AdvanceToAsync(ackDue - Minute);
        Assert.Equal(0, (await client.TimelineAsync(id)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(ackDue);
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(Utc(2026, 12, 8, 14) - Minute);
        Assert.Equal(("Routed", 2), ((await client.GetItemAsync(id)).State(), (await client.TimelineAsync(id)).Count("work-item.reminded")));
        await fixture.AdvanceToAsync(Utc(2026, 12, 8, 14));
        Assert.Equal("Escalated", (await client.GetItemAsync(id)).State());

        // The other P4 (followed up every P1D, one working day) raised to P2 (ackWithin P1D, no
        // follow-up of its own): acknowledge by Tue 15:00 CET = 14:00Z (2 h Mon + 6 h Tue); follow-ups
        // every half of that day, 4 working hours: Tue 15:00 + 2 h + 2 h Wed → Wed 9 Dec 11:00 CET =
        // 10:00Z, escalation 4 h later → Wed 15:00 CET = 14:00Z.
        Assert.Equal(Utc(2026, 12, 8, 14), raisedToP2.AckDueAt());
        Assert.Equal(1, (await client.TimelineAsync(otherId)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(Utc(2026, 12, 9, 10) - Minute);
        Assert.Equal(1, (await client.TimelineAsync(otherId)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(Utc(2026, 12, 9, 10));
        Assert.Equal(2, (await client.TimelineAsync(otherId)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(Utc(2026, 12, 9, 14));
        Assert.Equal("Escalated", (await client.GetItemAsync(otherId)).State());
    }
}

public sealed class ReprioritizedOnCalendarOnSqlite(SqliteCalendarScenarioFixture fixture)
    : ReprioritizedOnCalendarScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;
