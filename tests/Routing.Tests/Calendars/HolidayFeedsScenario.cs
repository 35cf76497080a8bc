using Routing.Tests.Infrastructure;
using static Routing.Tests.Calendars.Scenario;
using static Routing.Tests.Calendars.TestCalendars;

namespace Routing.Tests.Calendars;

/// Marketing works on the Berlin plant's calendar, whose holidays are an iCal feed (the plant
/// closes for stocktaking on 4 and 5 January 2027) and Germany's public holidays: both push a
/// due time on, and its reminder comes then.
public abstract class HolidayFeedsScenario(CalendarScenarioFixture fixture)
{
    readonly HttpClient client = fixture.Client;

    [Fact]
    public async Task An_ical_feed_and_a_countrys_holidays_push_a_due_time_past_them()
    {
        // Wed 30 Dec 2026 15:00 Berlin (CET) = 14:00Z: a P3 for marketing.
        await fixture.AdvanceToAsync(Utc(2026, 12, 30, 14));
        var item = (await client.SubmitAsync(Reports.Valid("marketing", "medium"))).Item("marketing");
        var id = (string)item["id"]!;

        // ackWithin P2D = 16 working hours: 2 h Wed; Thu 31 (10 h); Fri 1 Jan New Year (Germany);
        // Sat, Sun; Mon 4 and Tue 5 stocktaking (iCal); 6 h Wed 6 → Wed 6 Jan 2027 15:00 CET = 14:00Z.
        var ackDue = Utc(2027, 1, 6, 14);
        Assert.Equal(ackDue, item.AckDueAt());
        Assert.Equal(ackDue, (await client.GetItemAsync(id)).AckDueAt());

        await fixture.AdvanceToAsync(ackDue - Minute);
        Assert.Equal(0, (await client.TimelineAsync(id)).Count("work-item.reminded"));
        await fixture.AdvanceToAsync(ackDue);
        Assert.Equal(1, (await client.TimelineAsync(id)).Count("work-item.reminded"));
    }
}

public sealed class HolidayFeedsOnSqlite(SqliteCalendarScenarioFixture fixture)
    : HolidayFeedsScenario(fixture), IClassFixture<SqliteCalendarScenarioFixture>;
