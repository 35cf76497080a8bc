namespace Routing.Engine.Calendars;

/// One line of a calendar's week as written in calendars.json: the days it is for and the
/// local times work starts and stops (`{ "days": ["Mon", "Tue"], "from": "09:00", "to": "12:00" }`).
/// `to` may be "24:00", the end of the day.
public sealed record WorkingHours([property: System.ComponentModel.Description("The days these hours are for: Mon, Tue, Wed, Thu, Fri, Sat, Sun.")] IReadOnlyList<string> Days, [property: System.ComponentModel.Description("When work starts, local time (HH:mm).")] string From, [property: System.ComponentModel.Description("When work stops, local time (HH:mm; 24:00 is the end of the day).")] string To);
