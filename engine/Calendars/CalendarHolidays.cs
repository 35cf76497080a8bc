namespace Routing.Engine.Calendars;

/// The days a calendar does not work although its week would, given three ways that add up:
/// listed dates (`2026-12-24`), an iCal text whose all-day events (recurring ones too) are
/// holidays, and a country's public holidays (ISO code, `DE`). Recurring events and a
/// country's holidays are counted for the years `fromYear` to `toYear`.
public sealed record CalendarHolidays(
    [property: System.ComponentModel.Description("Listed days off (yyyy-MM-dd).")] IReadOnlyList<string>? Dates = null,
    [property: System.ComponentModel.Description("An iCal text whose all-day events (recurring ones too, for fromYear to toYear) are days off.")] string? Ical = null,
    [property: System.ComponentModel.Description("A country whose public holidays are days off, for fromYear to toYear (ISO code: DE, US, GB…).")] string? Country = null,
    [property: System.ComponentModel.Description("The first year country and ical holidays are counted for.")] int? FromYear = null,
    [property: System.ComponentModel.Description("The last year country and ical holidays are counted for (at most 50 years).")] int? ToYear = null);
