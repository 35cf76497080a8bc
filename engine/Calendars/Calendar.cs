namespace Routing.Engine.Calendars;

/// A department's working time: its time zone, the hours it works on each day of the week
/// (several stretches a day allowed) and the dates it does not work. Built by CalendarCheck;
/// BusinessClock counts time on it.
public sealed class Calendar
{
    readonly IReadOnlyList<LocalHours>[] week;
    readonly HashSet<DateOnly> holidays;

    /// From (inclusive) to To (exclusive), local time since midnight; To may be 24:00.
    public sealed record LocalHours(TimeSpan From, TimeSpan To);

    internal Calendar(CalendarDefinition definition, TimeZoneInfo zone, IReadOnlyList<LocalHours>[] week, IEnumerable<DateOnly> holidays)
    {
        Definition = definition;
        Zone = zone;
        this.week = week;
        this.holidays = [.. holidays];
        // The most common length of a working weekday; of two as common, the longer.
        UsualDay = week.Select(day => day.Aggregate(TimeSpan.Zero, (sum, h) => sum + (h.To - h.From)))
            .Where(length => length > TimeSpan.Zero)
            .GroupBy(length => length)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .Select(g => g.Key).FirstOrDefault();
    }

    public string Id => Definition.Id;
    public string Name => Definition.Name;
    public TimeZoneInfo Zone { get; }
    public CalendarDefinition Definition { get; }
    public IReadOnlyCollection<DateOnly> Holidays => holidays;
    /// One working day's hours (8 h for 09:00–17:00): what a day of a business-time window counts.
    public TimeSpan UsualDay { get; }

    public bool IsHoliday(DateOnly date) => holidays.Contains(date);

    /// The week's hours for one weekday, in order.
    public IReadOnlyList<LocalHours> HoursOn(DayOfWeek day) => week[(int)day];

    /// The hours worked on a date: none on a holiday.
    public IReadOnlyList<LocalHours> HoursOn(DateOnly date) => IsHoliday(date) ? [] : week[(int)date.DayOfWeek];
}
