namespace Routing.Engine.Calendars;

/// The days a calendar does not work although its week would, given three ways that add up:
/// listed dates (`2026-12-24`), an iCal text whose all-day events (recurring ones too) are
/// holidays, and a country's public holidays (ISO code, `DE`). Recurring events and a
/// country's holidays are counted for the years `fromYear` to `toYear`.
public sealed record CalendarHolidays(
    IReadOnlyList<string>? Dates = null,
    string? Ical = null,
    string? Country = null,
    int? FromYear = null,
    int? ToYear = null);
