namespace Routing.Engine.Calendars;

/// A calendar as written in calendars.json; CalendarCheck turns it into a Calendar or says
/// what is wrong with it.
public sealed record CalendarDefinition(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<WorkingHours> Week,
    CalendarHolidays? Holidays = null);
