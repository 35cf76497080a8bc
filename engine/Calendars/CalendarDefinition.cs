namespace Routing.Engine.Calendars;

/// A calendar as written in calendars.json; CalendarCheck turns it into a Calendar or says
/// what is wrong with it.
public sealed record CalendarDefinition(
    [property: System.ComponentModel.Description("The calendar's id, which departments name.")] string Id,
    [property: System.ComponentModel.Description("Its name as people read it.")] string Name,
    [property: System.ComponentModel.Description("The IANA time zone of its hours, e.g. Europe/Berlin.")] string TimeZone,
    [property: System.ComponentModel.Description("The working hours of the week: days (Mon…Sun) with from and to (HH:mm).")] IReadOnlyList<WorkingHours> Week,
    [property: System.ComponentModel.Description("Days off: a country's public holidays for some years (country, fromYear, toYear) and dates (yyyy-MM-dd).")] CalendarHolidays? Holidays = null);
