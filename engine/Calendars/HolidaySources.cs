using Ical.Net.CalendarComponents;
using PublicHoliday;

namespace Routing.Engine.Calendars;

/// Turns a calendar's holidays, given three ways, into dates; each problem is returned by its place.
static class HolidaySources
{
    public const int MaxYears = 50;
    /// Days of iCal events read at most: 50 years of holidays are about a thousand.
    const int MaxDays = 50_000;

    public static List<DateOnly> Dates(string at, CalendarHolidays holidays, Action<string, string> problem)
    {
        var dates = new List<DateOnly>();
        foreach (var text in holidays.Dates ?? [])
        {
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)) dates.Add(date);
            else problem($"{at}/holidays/dates", $"'{text}' is not a date: write it as 2026-12-24.");
        }
        var needsYears = holidays.Country is not null || holidays.Ical is not null;
        if (!Years(at, holidays, needsYears, problem, out var first, out var last)) return dates;
        if (holidays.Country is { } country) dates.AddRange(CountryDates(at, country, first, last, problem));
        if (holidays.Ical is { } ical) dates.AddRange(IcalDates(at, ical, first, last, problem));
        return dates;
    }

    static bool Years(string at, CalendarHolidays holidays, bool needed, Action<string, string> problem, out int first, out int last)
    {
        first = holidays.FromYear ?? 0;
        last = holidays.ToYear ?? 0;
        if (!needed) return true;
        if (holidays.FromYear is null || holidays.ToYear is null)
        {
            problem($"{at}/holidays", "a country's holidays or an iCal text need fromYear and toYear: the years to count them for.");
            return false;
        }
        if (first < 1900 || last > 2200 || last < first || last - first >= MaxYears)
        {
            problem($"{at}/holidays/toYear", $"the years {first} to {last} must run forward, between 1900 and 2200, at most {MaxYears} of them.");
            return false;
        }
        return true;
    }

    static IEnumerable<DateOnly> CountryDates(string at, string country, int first, int last, Action<string, string> problem)
    {
        IPublicHolidays source;
        try { source = PublicHolidayFactory.GetPublicHolidayForCountry(country.ToUpperInvariant()); }
        catch (ArgumentException)
        {
            problem($"{at}/holidays/country", $"'{country}' is not a country whose public holidays are known: an ISO code such as DE, US, GB, FR.");
            return [];
        }
        var dates = new List<DateOnly>();
        for (var year = first; year <= last; year++)
            dates.AddRange(source.PublicHolidays(year).Select(DateOnly.FromDateTime));
        return dates;
    }

    /// All-day events only (a timed event, a meeting, does not close the day); recurring ones
    /// are expanded over the years asked for.
    static IEnumerable<DateOnly> IcalDates(string at, string text, int first, int last, Action<string, string> problem)
    {
        Ical.Net.Calendar? feed;
        try { feed = Ical.Net.Calendar.Load(text); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem($"{at}/holidays/ical", $"is not an iCal text: {e.Message}");
            return [];
        }
        if (feed is null)
        {
            problem($"{at}/holidays/ical", "is not an iCal text: it holds no VCALENDAR.");
            return [];
        }
        var from = new DateOnly(first, 1, 1);
        var until = new DateOnly(last, 12, 31);
        var dates = new List<DateOnly>();
        var days = 0;
        foreach (var holiday in feed.Events.Where(e => e.IsAllDay))
        {
            try
            {
                foreach (var occurrence in Occurrences(holiday, from))
                {
                    var day = occurrence.Period.StartTime.Date;
                    if (day > until) break;
                    // An event running to 9999, or recurring every second, must not run the draft for minutes.
                    var end = Min(occurrence.Period.EffectiveEndTime?.Date ?? day.AddDays(1), until.AddDays(1));
                    for (; day < end || day == occurrence.Period.StartTime.Date; day = day.AddDays(1))
                    {
                        if (day >= from && day <= until) dates.Add(day);
                        if (++days > MaxDays)
                        {
                            problem($"{at}/holidays/ical", $"holds more than {MaxDays:N0} days of events in {first}–{last}: a file of holidays has a few a year.");
                            return [];
                        }
                    }
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                problem($"{at}/holidays/ical", $"event '{holiday.Summary}' cannot be read: {e.Message}");
            }
        }
        return dates;
    }

    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    static IEnumerable<Ical.Net.DataTypes.Occurrence> Occurrences(CalendarEvent holiday, DateOnly from) =>
        holiday.GetOccurrences(new Ical.Net.DataTypes.CalDateTime(from.AddDays(-7)), null);
}
