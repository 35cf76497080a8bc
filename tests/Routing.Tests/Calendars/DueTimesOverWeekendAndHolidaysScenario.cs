using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// Logistics works 09–17 Mon–Fri in Berlin, closed on Germany's holidays and the listed
/// 24 and 31 December: a P2 submitted just before Christmas is due, reminded and escalated on
/// its working hours, each exactly once.
public abstract class DueTimesOverWeekendAndHolidaysScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task A_P2_submitted_before_christmas_is_due_reminded_and_escalated_on_the_working_days_after_it()
    {
        // Wed 23 Dec 2026, 15:00 Berlin (CET, UTC+1) = 14:00Z.
        await fixture.AdvanceToAsync(Utc(2026, 12, 23, 14));
        var receipt = await client.SubmitAsync(Reports.Valid("supply", "high"));
        var unanswered = receipt.Item("logistics");
        var acknowledged = (await client.SubmitAsync(Reports.Valid("supply", "high"))).Item("logistics");
        var (a, b) = ((string)unanswered["id"]!, (string)acknowledged["id"]!);

        // ackWithin P1D = one 8 h working day: 2 h Wed (15–17); Thu 24 listed, Fri 25 and Sat 26
        // Germany's Christmas, Sun 27; 6 h Mon 28 (09–15) → Mon 28 Dec 15:00 CET = 14:00Z.
        var ackDue = Utc(2026, 12, 28, 14);
        // resolveWithin P7D = 56 working hours: 2 h Wed 23; Mon 28, Tue 29, Wed 30 (26 h); Thu 31
        // listed, Fri 1 Jan New Year; Mon 4, Tue 5, Wed 6 (50 h); 6 h Thu 7 → Thu 7 Jan 15:00 CET = 14:00Z.
        var resolveDue = Utc(2027, 1, 7, 14);
        Assert.Equal((ackDue, resolveDue), (unanswered.AckDueAt(), unanswered.ResolveDueAt()));
        var read = await client.GetItemAsync(a);
        Assert.Equal((ackDue, resolveDue), (read.AckDueAt(), read.ResolveDueAt()));
        await client.DoAsync(b, "acknowledge");

        // Follow-ups every half the acknowledgement window: 4 working hours. Second reminder:
        // Mon 15:00 + 2 h (to 17:00) + 2 h Tue 29 → Tue 29 Dec 11:00 CET = 10:00Z; escalation 4 h
        // later → Tue 29 Dec 15:00 CET = 14:00Z.
        var secondReminder = Utc(2026, 12, 29, 10);
        var escalation = Utc(2026, 12, 29, 14);

        await fixture.AdvanceToAsync(ackDue - Minute);
        Assert.Equal(0, (await client.TimelineAsync(a)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(ackDue);
        var reminded = await client.TimelineAsync(a);
        Assert.Equal(1, reminded.Count("work-item.reminded"));
        Assert.Equal(ackDue, Time(reminded.Single("work-item.reminded")["data"]!["ackDueAt"]));

        await fixture.AdvanceToAsync(secondReminder - Minute);
        Assert.Equal(1, (await client.TimelineAsync(a)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(secondReminder);
        Assert.Equal(2, (await client.TimelineAsync(a)).Count("work-item.reminded"));

        await fixture.AdvanceToAsync(escalation - Minute);
        Assert.Equal("Routed", (await client.GetItemAsync(a)).State());
        await fixture.AdvanceToAsync(escalation);
        Assert.Equal("Escalated", (await client.GetItemAsync(a)).State());
        Assert.Equal(1, (await client.TimelineAsync(a)).Count("work-item.escalated"));

        // The acknowledged item was never reminded; it escalates when its resolution falls due.
        await fixture.AdvanceToAsync(resolveDue - Minute);
        Assert.Equal("Acknowledged", (await client.GetItemAsync(b)).State());
        await fixture.AdvanceToAsync(resolveDue);
        var timeline = await client.TimelineAsync(b);
        Assert.Equal("Escalated", (await client.GetItemAsync(b)).State());
        Assert.Equal((0, 1), (timeline.Count("work-item.reminded"), timeline.Count("work-item.escalated")));

        // Nothing fires twice, however long the clock runs on.
        await fixture.AdvanceAsync(TimeSpan.FromDays(10));
        Assert.Equal(1, (await client.TimelineAsync(a)).Count("work-item.escalated"));
        Assert.Equal(1, (await client.TimelineAsync(b)).Count("work-item.escalated"));
        Assert.Equal(2, (await client.TimelineAsync(a)).Count("work-item.reminded"));
    }
}

public sealed class DueTimesOverWeekendAndHolidaysOnSqlite(SqliteCalendarScenarioFixture fixture)
    : DueTimesOverWeekendAndHolidaysScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;

public sealed class DueTimesOverWeekendAndHolidaysOnPostgres(PostgresCalendarScenarioFixture fixture)
    : DueTimesOverWeekendAndHolidaysScenario(fixture), IClassFixture<PostgresCalendarScenarioFixture>;
