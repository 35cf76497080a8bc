using Routing.Host.Access;
using Routing.Host.OpenApi;
using Routing.Rules.Rulesets;

namespace Routing.Host.Calendars;

/// GET /api/calendars and a calendar's working windows, from the active ruleset version (or
/// `version`). Every role reads them: a client draws a department's working time with them.
internal static class CalendarsApi
{
    /// The widest period windows are listed for: a year and a bit, enough to draw any year.
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(370);

    public static IEndpointRouteBuilder MapCalendars(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/calendars").WithTags("Calendars").RequireAuthorization(Policies.Read);
        group.MapGet("", ListAsync)
            .WithName("listCalendars")
            .WithSummary("The calendars of the active ruleset version (or of `version`): time zone, weekly hours, this year's holidays, departments naming each")
            .Describes("version", "A ruleset version; the active one when not given.")
            .Produces<List<CalendarBody>>()
            .Refuses(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/windows", WindowsAsync)
            .WithName("getCalendarWindows")
            .WithSummary("A calendar's working stretches in a period, as UTC instants and local times")
            .WithDescription($"Touching stretches are one. The period may be at most {MaxPeriod.TotalDays:N0} days long.")
            .Needs("from", "The start of the period (ISO 8601).")
            .Needs("to", "The end of the period (ISO 8601).")
            .Describes("version", "A ruleset version; the active one when not given.")
            .Produces<CalendarWindows>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        app.MapIcalImport();
        return app;
    }

    static async Task<IResult> ListAsync(int? version, RulesetSimulator rulesets, TimeProvider clock)
    {
        if (await rulesets.RulesetAsync(version) is not { } ruleset) return NoSuchVersion(version);
        var now = clock.GetUtcNow();
        return TypedResults.Ok(ruleset.Calendars.Select(c => CalendarBody.Of(ruleset.Version, c, now,
            ruleset.Departments.Where(d => d.Calendar == c.Id).Select(d => d.Id))).ToList());
    }

    static async Task<IResult> WindowsAsync(string id, string? from, string? to, int? version, RulesetSimulator rulesets)
    {
        var errors = new Dictionary<string, string[]>();
        if (QueryTime.Period(from, to, errors) is not var (start, end)) return TypedResults.ValidationProblem(errors);
        if (end - start > MaxPeriod)
            return TypedResults.Problem(new HttpValidationProblemDetails(
                new Dictionary<string, string[]> { ["to"] = [$"the period is at most {MaxPeriod.TotalDays:N0} days long."] })
            {
                Status = StatusCodes.Status422UnprocessableEntity,
                Title = "The period is too long.",
            });
        if (await rulesets.RulesetAsync(version) is not { } ruleset) return NoSuchVersion(version);
        if (ruleset.Calendars.FirstOrDefault(c => c.Id == id) is not { } calendar)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No calendar '{id}' in ruleset v{ruleset.Version}.");
        return TypedResults.Ok(CalendarWindows.Of(calendar, start, end));
    }

    static IResult NoSuchVersion(int? version) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No ruleset version {version}.");
}
