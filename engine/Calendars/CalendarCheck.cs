using System.Globalization;

namespace Routing.Engine.Calendars;

/// Whether calendars are sound, every problem at once, each named by its place
/// (`calendars/office-berlin/timeZone`); the sound ones built into Calendars.
public static class CalendarCheck
{
    public sealed record Problem(string Place, string Message);

    const int MaxName = 100;
    static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// The calendars built from their definitions, and the problems of those that could not be.
    public static (List<Calendar> Calendars, List<Problem> Problems) Build(IEnumerable<CalendarDefinition?> definitions)
    {
        var calendars = new List<Calendar>();
        var problems = new List<Problem>();
        var ids = new HashSet<string>();
        foreach (var definition in definitions)
        {
            if (definition is null) { problems.Add(new("calendars", "a calendar is null: each is an object with an id, a name, a timeZone and a week.")); continue; }
            if (definition.Id is { } id && !ids.Add(id)) problems.Add(new($"calendars/{id}", "is named twice."));
            var (calendar, own) = Build(definition);
            problems.AddRange(own);
            if (calendar is not null) calendars.Add(calendar);
        }
        return (calendars, problems);
    }

    public static (Calendar? Calendar, List<Problem> Problems) Build(CalendarDefinition definition)
    {
        var problems = new List<Problem>();
        void Add(string place, string message) => problems.Add(new(place, message));
        var at = $"calendars/{definition.Id}";
        if (!IsId(definition.Id)) Add("calendars", $"'{definition.Id}' is not a calendar id: lower-case letters, digits and dashes, at most {MaxName}.");
        if (string.IsNullOrWhiteSpace(definition.Name) || definition.Name.Length > MaxName) Add($"{at}/name", $"a calendar needs a name of at most {MaxName} characters.");

        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(definition.TimeZone)
            || !TimeZoneInfo.TryFindSystemTimeZoneById(definition.TimeZone, out zone)
            || !zone.HasIanaId)
            Add($"{at}/timeZone", $"'{definition.TimeZone}' is not a time zone: an IANA name such as Europe/Berlin or America/Chicago.");

        var week = Week(at, definition.Week ?? [], Add);
        if (week is not null && week.All(day => day.Count == 0)) Add($"{at}/week", "a calendar needs some working time in its week.");
        var holidays = HolidaySources.Dates(at, definition.Holidays ?? new(), Add);
        if (problems.Count > 0 || zone is null || week is null) return (null, problems);
        return (new Calendar(definition, zone, week, holidays), problems);
    }

    /// Each weekday's hours in order; null after a problem.
    static IReadOnlyList<Calendar.LocalHours>[]? Week(string at, IReadOnlyList<WorkingHours> lines, Action<string, string> problem)
    {
        var days = Enumerable.Range(0, 7).Select(_ => new List<Calendar.LocalHours>()).ToArray();
        var sound = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var place = $"{at}/week/{i}";
            if (line is null) { problem(place, "is null: each is an object with days, from and to."); sound = false; continue; }
            var from = Time(line.From);
            var to = Time(line.To);
            if (from is null) { problem($"{place}/from", $"'{line.From}' is not a time: write it as 09:00."); sound = false; }
            if (to is null) { problem($"{place}/to", $"'{line.To}' is not a time: write it as 17:00, or 24:00 for the end of the day."); sound = false; }
            if (from is not null && to is not null && to <= from) { problem($"{place}/to", $"{line.To} is not after {line.From}: working hours end after they start, within one day."); sound = false; }
            if (line.Days is null || line.Days.Count == 0) { problem($"{place}/days", "names no day: list some of Mon, Tue, Wed, Thu, Fri, Sat, Sun."); sound = false; continue; }
            foreach (var day in line.Days)
            {
                var index = Array.FindIndex(DayNames, d => string.Equals(d, day, StringComparison.OrdinalIgnoreCase));
                if (index < 0) { problem($"{place}/days", $"'{day}' is not a day: one of Mon, Tue, Wed, Thu, Fri, Sat, Sun."); sound = false; }
                else if (from is not null && to is not null && to > from) days[index].Add(new(from.Value, to.Value));
            }
        }
        for (var d = 0; d < 7; d++)
        {
            days[d].Sort((a, b) => a.From.CompareTo(b.From));
            for (var k = 1; k < days[d].Count; k++)
                if (days[d][k].From < days[d][k - 1].To)
                {
                    problem($"{at}/week", $"on {DayNames[d]} the hours {Show(days[d][k - 1])} and {Show(days[d][k])} overlap.");
                    sound = false;
                }
        }
        return sound ? days : null;
    }

    static string Show(Calendar.LocalHours hours) => $"{Clock(hours.From)}–{Clock(hours.To)}";

    /// "09:00" as time since midnight, "24:00" as the whole day.
    public static string Clock(TimeSpan time) => $"{(int)time.TotalHours:00}:{time.Minutes:00}";

    static TimeSpan? Time(string? text)
    {
        if (text == "24:00") return TimeSpan.FromHours(24);
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time.ToTimeSpan() : null;
    }

    static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxName && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');
}
