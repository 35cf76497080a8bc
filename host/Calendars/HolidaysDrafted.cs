namespace Routing.Host.Calendars;

/// The draft an iCal file of holidays became: its version (publish it to use it), the calendar,
/// the years counted and how many holidays the calendar has in them.
internal sealed record HolidaysDrafted(int Version, string Calendar, int FromYear, int ToYear, int Holidays);
