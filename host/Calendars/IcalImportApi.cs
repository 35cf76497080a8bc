using Microsoft.OpenApi;
using Routing.Host.Access;
using Routing.Host.OpenApi;
using Routing.Rules.Rulesets;

namespace Routing.Host.Calendars;

/// POST /api/calendars/{id}/holidays: an iCal (.ics) file of holidays, as a mail calendar
/// exports it, becomes a new draft of the active version with the calendar's holidays from it.
internal static class IcalImportApi
{
    /// A holiday calendar of years is a few kilobytes; a megabyte is a mistake.
    const int MaxBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapIcalImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/calendars/{id}/holidays", ImportAsync)
            .WithTags("Calendars")
            .RequireAuthorization(Policies.Administer)
            .WithName("importCalendarHolidays")
            .WithSummary("Drafts a new version whose calendar takes its holidays from an iCal (.ics) file")
            .WithDescription("The body is the file (`text/calendar`). Its all-day events are holidays, recurring ones counted for the " +
                             "calendar's fromYear–toYear (this year and the next nine when it names none); timed events close nothing. " +
                             "The calendar's listed dates and country stay. Nothing changes until the draft is published: look at its diff, " +
                             "simulate or replay it first.")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // Described, not declared with Accepts(): routing would refuse another type with a 415 that says nothing.
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "An iCalendar file (RFC 5545).",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["text/calendar"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "BEGIN:VCALENDAR … END:VCALENDAR" } },
                    },
                };
                return Task.CompletedTask;
            })
            .Produces<HolidaysDrafted>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge,
                StatusCodes.Status415UnsupportedMediaType)
            .RefusesWith(StatusCodes.Status422UnprocessableEntity, "RulesetProblem", "The ruleset is not valid; nothing was stored.",
                ApiProblems.RuleErrorsMembers(), validation: true);
        return app;
    }

    static async Task<IResult> ImportAsync(string id, HttpRequest request, IcalHolidaysImport import, CancellationToken ct)
    {
        if (!string.Equals(request.ContentType?.Split(';')[0].Trim(), "text/calendar", StringComparison.OrdinalIgnoreCase))
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "The body must be an iCal file: text/calendar.");
        if (request.ContentLength > MaxBytes) return TooLarge();
        using var reader = new StreamReader(request.Body);
        var buffer = new char[MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer, ct);
        if (read > MaxBytes) return TooLarge();
        var ical = new string(buffer, 0, read);
        if (string.IsNullOrWhiteSpace(ical))
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is empty: send the .ics file.");

        return await import.ImportAsync(id, ical, Actor.Of(request.HttpContext), ct) switch
        {
            IcalHolidaysImport.Outcome.Drafted d => TypedResults.Created($"/api/rules/versions/{d.Version}",
                new HolidaysDrafted(d.Version, d.Calendar, d.FromYear, d.ToYear, d.Holidays)),
            IcalHolidaysImport.Outcome.Invalid invalid => Host.Rules.RulesApi.Invalid(invalid.Errors),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No calendar '{id}' in the active ruleset version."),
        };
    }

    static IResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"An iCal file of holidays is at most {MaxBytes / 1024} KB.");
}
