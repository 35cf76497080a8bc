namespace Routing.Engine.Calendars;

/// One line of a calendar's week as written in calendars.json: the days it is for and the
/// local times work starts and stops (`{ "days": ["Mon", "Tue"], "from": "09:00", "to": "12:00" }`).
/// `to` may be "24:00", the end of the day.
public sealed record WorkingHours(IReadOnlyList<string> Days, string From, string To);
