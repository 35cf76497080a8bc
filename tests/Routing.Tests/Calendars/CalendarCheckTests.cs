using Routing.Engine.Calendars;

namespace Routing.Tests.Calendars;

/// A calendar's problems are each named at their place; its holidays come three ways.
public sealed class CalendarCheckTests
{
    static readonly string[] Weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri"];

    static List<CalendarCheck.Problem> Problems(CalendarDefinition definition) => CalendarCheck.Build(definition).Problems;

    [Fact]
    public void An_unknown_time_zone_is_named()
    {
        var problem = Assert.Single(Problems(new("x", "X", "Europe/Atlantis", [new(Weekdays, "09:00", "17:00")])));
        Assert.Equal("calendars/x/timeZone", problem.Place);
        Assert.Contains("Europe/Atlantis", problem.Message);
    }

    [Fact]
    public void Inverted_and_overlapping_hours_are_named()
    {
        var problems = Problems(new("x", "X", "Europe/Berlin",
            [new(["Mon"], "09:00", "13:00"), new(["Mon"], "12:00", "17:00"), new(["Tue"], "17:00", "09:00"), new(["Wed"], "9am", "25:00")]));
        Assert.Contains(problems, p => p.Place == "calendars/x/week" && p.Message.Contains("Mon") && p.Message.Contains("overlap"));
        Assert.Contains(problems, p => p.Place == "calendars/x/week/2/to" && p.Message.Contains("not after"));
        Assert.Contains(problems, p => p.Place == "calendars/x/week/3/from");
        Assert.Contains(problems, p => p.Place == "calendars/x/week/3/to");
    }

    [Fact]
    public void A_calendar_without_working_time_is_refused()
    {
        var problem = Assert.Single(Problems(new("x", "X", "Europe/Berlin", [])));
        Assert.Equal("calendars/x/week", problem.Place);
    }

    [Fact]
    public void Bad_dates_an_unknown_country_and_unknown_days_are_named()
    {
        var problems = Problems(new("x", "X", "Europe/Berlin", [new(["Mon", "Funday"], "09:00", "17:00")],
            new CalendarHolidays(Dates: ["2026-02-30", "24.12.2026"], Country: "XX", FromYear: 2026, ToYear: 2027)));
        Assert.Equal(2, problems.Count(p => p.Place == "calendars/x/holidays/dates"));
        Assert.Contains(problems, p => p.Place == "calendars/x/holidays/country" && p.Message.Contains("'XX'"));
        Assert.Contains(problems, p => p.Place == "calendars/x/week/0/days" && p.Message.Contains("Funday"));
    }

    [Fact]
    public void A_country_without_years_is_named() =>
        Assert.Equal("calendars/x/holidays",
            Assert.Single(Problems(new("x", "X", "Europe/Berlin", [new(Weekdays, "09:00", "17:00")], new CalendarHolidays(Country: "DE")))).Place);

    [Fact]
    public void Listed_dates_country_holidays_and_ical_all_day_events_add_up()
    {
        const string ical = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//Routing tests//EN
            BEGIN:VEVENT
            UID:christmas-eve@example.com
            DTSTAMP:20200101T000000Z
            DTSTART;VALUE=DATE:20201224
            DTEND;VALUE=DATE:20201225
            RRULE:FREQ=YEARLY
            SUMMARY:Christmas Eve
            END:VEVENT
            BEGIN:VEVENT
            UID:closing@example.com
            DTSTAMP:20200101T000000Z
            DTSTART;VALUE=DATE:20270104
            DTEND;VALUE=DATE:20270106
            SUMMARY:Stocktaking (two days)
            END:VEVENT
            BEGIN:VEVENT
            UID:meeting@example.com
            DTSTAMP:20200101T000000Z
            DTSTART:20261230T100000Z
            DTEND:20261230T110000Z
            SUMMARY:A meeting, not a holiday
            END:VEVENT
            END:VCALENDAR
            """;
        var calendar = TestCalendars.Build(new("x", "X", "Europe/Berlin", [new(Weekdays, "09:00", "17:00")],
            new CalendarHolidays(Dates: ["2026-12-31"], Ical: ical, Country: "DE", FromYear: 2026, ToYear: 2027)));
        Assert.True(calendar.IsHoliday(new(2026, 12, 24)));   // iCal, recurring since 2020
        Assert.True(calendar.IsHoliday(new(2027, 12, 24)));
        Assert.True(calendar.IsHoliday(new(2027, 1, 4)));     // iCal, two days
        Assert.True(calendar.IsHoliday(new(2027, 1, 5)));
        Assert.False(calendar.IsHoliday(new(2027, 1, 6)));    // DTEND is the first day back
        Assert.False(calendar.IsHoliday(new(2026, 12, 30)));  // a timed event closes nothing
        Assert.True(calendar.IsHoliday(new(2026, 12, 31)));   // listed
        Assert.True(calendar.IsHoliday(new(2026, 12, 25)));   // Germany
        Assert.True(calendar.IsHoliday(new(2027, 5, 6)));     // Ascension Day 2027
        Assert.False(calendar.IsHoliday(new(2028, 12, 24)));  // past toYear
    }

    [Fact]
    public void A_text_that_is_not_ical_is_named()
    {
        var problems = Problems(new("x", "X", "Europe/Berlin", [new(Weekdays, "09:00", "17:00")],
            new CalendarHolidays(Ical: "BEGIN:VCALENDAR\nthis is not\n", FromYear: 2026, ToYear: 2026)));
        Assert.Equal("calendars/x/holidays/ical", Assert.Single(problems).Place);
    }

    [Fact]
    public void Two_calendars_with_one_id_are_named()
    {
        CalendarDefinition office = new("office", "Office", "Europe/Berlin", [new(Weekdays, "09:00", "17:00")]);
        var (calendars, problems) = CalendarCheck.Build([office, office with { Name = "Other" }]);
        Assert.Equal("calendars/office", Assert.Single(problems).Place);
    }

    [Fact]
    public void An_ical_text_of_more_event_days_than_holidays_could_be_is_refused_rather_than_counted_for_minutes()
    {
        // Twenty events every day for fifty years: 365,000 days, where fifty years of holidays are about a thousand.
        var events = string.Concat(Enumerable.Range(0, 20).Select(i =>
            $"BEGIN:VEVENT\nUID:e{i}\nDTSTART;VALUE=DATE:20000101\nDTEND;VALUE=DATE:20000102\nRRULE:FREQ=DAILY\nEND:VEVENT\n"));
        var problems = Problems(new("x", "X", "Europe/Berlin", [new(Weekdays, "09:00", "17:00")],
            new CalendarHolidays(Ical: $"BEGIN:VCALENDAR\n{events}END:VCALENDAR\n", FromYear: 2000, ToYear: 2049)));

        var problem = Assert.Single(problems);
        Assert.Equal("calendars/x/holidays/ical", problem.Place);
        Assert.Contains("more than 50,000 days", problem.Message);
    }
}
