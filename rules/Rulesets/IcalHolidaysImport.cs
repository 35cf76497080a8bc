using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Calendars;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// A calendar's holidays from an iCal (.ics) file, as teams export them from their mail
/// calendar: a new draft of the active version in which the calendar's `holidays.ical` is the
/// file (its listed dates and country stay). The draft is checked like any other and published
/// like any other, so an admin sees the diff (and the due times it moves) first.
internal sealed class IcalHolidaysImport(RoutingDb db, RulesetAdmin admin, ActiveRuleset active, RulesetCache rulesets, TimeProvider clock)
{
    /// The years a file's recurring events count for when the calendar names none: this one and the next nine.
    const int DefaultYears = 10;

    public abstract record Outcome
    {
        public sealed record NoSuchCalendar : Outcome;
        public sealed record Invalid(IReadOnlyList<RuleError> Errors) : Outcome;
        /// The draft's version, and the calendar's holidays in it over the years counted.
        public sealed record Drafted(int Version, string Calendar, int FromYear, int ToYear, int Holidays) : Outcome;
    }

    public async Task<Outcome> ImportAsync(string calendarId, string ical, string actor, CancellationToken ct)
    {
        var stored = await db.Rulesets.AsNoTracking().FirstAsync(r => r.Version == active.Current.Version, ct);
        var calendars = JsonNode.Parse(stored.CalendarsJson ?? "[]")?.AsArray() ?? [];
        if (calendars.OfType<JsonObject>().FirstOrDefault(c => c["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && (string?)c["id"] == calendarId) is not { } calendar)
            return new Outcome.NoSuchCalendar();

        if (calendar["holidays"] is not JsonObject holidays) calendar["holidays"] = holidays = [];
        holidays["ical"] = ical;
        var thisYear = clock.GetUtcNow().Year;
        holidays["fromYear"] ??= thisYear;
        holidays["toYear"] ??= thisYear + DefaultYears - 1;

        var (from, to) = ((int)holidays["fromYear"]!, (int)holidays["toYear"]!);
        var place = $"calendars/{calendarId}/holidays/ical";
        var problems = new List<RuleError>();
        var found = HolidaySources.Dates($"calendars/{calendarId}", new CalendarHolidays(Ical: ical, FromYear: from, ToYear: to),
            (at, message) => problems.Add(new(at, message)));
        if (problems.Count == 0 && found.Count == 0)
            problems.Add(new(place, $"holds no all-day event in {from}–{to}: a file of holidays marks each as an all-day event."));
        if (problems.Count > 0) return new Outcome.Invalid(problems);

        // The stored departments keep their secrets as stored (placeholders are only what GET shows).
        var (version, errors) = await admin.DraftAsync(stored.WorkflowsJson, stored.DepartmentsJson, stored.LifecyclesJson, actor, ct,
            calendars.ToJsonString());
        if (version is not { } v) return new Outcome.Invalid(errors);
        var drafted = (await rulesets.GetAsync(v))!.Calendars.Single(c => c.Id == calendarId);
        return new Outcome.Drafted(v, calendarId, from, to, drafted.Holidays.Count(d => d.Year >= from && d.Year <= to));
    }
}
