using System.Security.Claims;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Metrics;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Host.OpenApi;
using static Routing.Host.Metrics.MetricsBodies;

namespace Routing.Host.Metrics;

/// Accountability in numbers: each department's figures per week or month, how each rule did, the CSMs' account.
/// JSON, or CSV with `format=csv` (and at /console/metrics/{what}.csv, where the sign-in cookie counts).
internal static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/metrics").WithTags("Metrics");
        group.MapGet("/departments", DepartmentsAsync).RequireAuthorization(Policies.Read)
            .WithName("departmentTrends")
            .WithSummary("Each department's figures per week or month: SLA attainment, times to acknowledge and resolve, backlog by age")
            .WithDescription("Every figure is counted in the period its event happened (UTC weeks from Monday, months from the 1st). " +
                             "Acknowledgement and resolution are the first cycle's, in working time where the department's calendar counts it. " +
                             "A period is `complete` once it has ended; its figures no longer change. A department head sees their departments only.")
            .Takes("interval", ["week", "month"], "week (the default) or month.")
            .Takes("format", ["json", "csv"], "json (the default) or csv: one row per department and period, durations in decimal hours.")
            .Describes("from", $"The first period is the one this time falls in (ISO 8601); by default the last {Periods.Default} periods, the current one included.")
            .Describes("to", $"The last period is the one before this time (ISO 8601); now by default. At most {Periods.Most} periods.")
            .Describes("department", "Only this department (a head: one of theirs).")
            .Produces<DepartmentTrendsBody>().AlsoCsv()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/rules", RulesAsync).RequireAuthorization(Policies.Read)
            .WithName("ruleQuality")
            .WithSummary("How each rule did with the items it opened, per ruleset version: handed back, verified, reopened, time to resolve")
            .WithDescription("Over the items the rules opened in [from, to) (a recurrence that joined an open item is not a route); " +
                             "a hand-back is a misroute. A department head sees the items of their departments only.")
            .Takes("format", ["json", "csv"], "json (the default) or csv: one row per version and rule.")
            .Describes("from", "Items opened at or after this time (ISO 8601); 90 days before `to` by default.")
            .Describes("to", "Items opened before this time (ISO 8601); now by default.")
            .Describes("version", "Only this ruleset version.")
            .Produces<RuleQualityBody>().AlsoCsv()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/csms", CsmsAsync).RequireAuthorization(Policies.Patterns)
            .WithName("csmAccount")
            .WithSummary("The CSMs' account: reports submitted, where they went, how many were fixed and verified effective, time to fix")
            .WithDescription("Per CSM (the key that submitted) and for the team (`csm` null, first), over the reports received in [from, to). " +
                             "A report is fixed when every item not cancelled or handed back is verified; verified effective when the " +
                             "measured checks judged its fixes and all found them effective. Time to fix is calendar time.")
            .Takes("format", ["json", "csv"], "json (the default) or csv: one row per CSM, the team first.")
            .Describes("from", "Reports received at or after this time (ISO 8601); 90 days before `to` by default.")
            .Describes("to", "Reports received before this time (ISO 8601); now by default.")
            .Describes("csm", "Only this CSM (a key's name), beside the team.")
            .Produces<CsmAccountBody>().AlsoCsv()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status422UnprocessableEntity);
        // The console's CSV links, where the sign-in cookie counts.
        app.MapGet("/console/metrics/departments.csv", DepartmentsAsync).RequireAuthorization(Policies.Read).ExcludeFromDescription();
        app.MapGet("/console/metrics/rules.csv", RulesAsync).RequireAuthorization(Policies.Read).ExcludeFromDescription();
        app.MapGet("/console/metrics/csms.csv", CsmsAsync).RequireAuthorization(Policies.Patterns).ExcludeFromDescription();
        return app;
    }

    static async Task<IResult> DepartmentsAsync(
        string? from, string? to, string? interval, string? department, string? format, HttpContext http, ClaimsPrincipal user,
        IDepartmentDirectory directory, IWorkingCalendars calendars, ILifecycles lifecycles, RoutingDb db, IServiceScopeFactory stores, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var every = interval switch { null or "week" => MetricsInterval.Week, "month" => MetricsInterval.Month, _ => (MetricsInterval?)null };
        if (every is null) errors["interval"] = ["must be week or month."];
        var now = clock.GetUtcNow();
        var range = Range(from, to, errors, now, every ?? MetricsInterval.Week);
        var csv = Csv(format, http, errors);
        if (errors.Count > 0 || range is null) return Refused(errors);
        var (start, end) = range.Value;
        if (Periods.Covering(start, end, every!.Value).Count > Periods.Most)
            return Refused(new() { ["from"] = [$"is too far before to: at most {Periods.Most} periods."] });

        IReadOnlyList<Department> shown = [.. directory.All.Where(d => user.CanSee(d.Id))];
        if (department is not null)
        {
            if (shown.FirstOrDefault(d => d.Id == department) is not { } one)
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such department.");
            shown = [one];
        }
        var trends = await Engine.Metrics.DepartmentTrends.QueryAsync(db, stores, lifecycles, [.. shown.Select(d => d.Id)], start, end, every.Value, now, ct);
        var (first, last) = (Periods.StartOf(start, every.Value), Periods.EndOf(end, every.Value));
        var body = new DepartmentTrendsBody(first, last, Periods.Name(every.Value), [.. shown.Zip(trends, (d, t) =>
            new DepartmentTrendBody(d.Id, d.Name, calendars.Of(d.Id) is not null, [.. t.Periods.Select(PeriodBody.Of)]))]);
        if (!csv) return TypedResults.Ok(body);
        await MetricsCsv.WriteAsync(http, "departments", first, last, MetricsCsv.Departments(body), ct);
        return TypedResults.Empty;
    }

    static async Task<IResult> RulesAsync(
        string? from, string? to, int? version, string? format, HttpContext http, ClaimsPrincipal user,
        IDepartmentDirectory directory, RoutingDb db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Days(from, to, errors, clock.GetUtcNow());
        var csv = Csv(format, http, errors);
        if (errors.Count > 0 || range is null) return Refused(errors);
        var (start, end) = range.Value;
        // A head counts the items of their departments only.
        var departments = user.IsHead() ? user.Departments() : [.. directory.All.Select(d => d.Id)];
        var rules = await Engine.Metrics.RuleQuality.QueryAsync(db, departments, start, end, ct, version);
        var body = new RuleQualityBody(start, end, [.. rules.Select(RuleBody.Of)]);
        if (!csv) return TypedResults.Ok(body);
        await MetricsCsv.WriteAsync(http, "rules", start, end, MetricsCsv.Rules(body), ct);
        return TypedResults.Empty;
    }

    static async Task<IResult> CsmsAsync(
        string? from, string? to, string? csm, string? format, HttpContext http, IServiceScopeFactory stores, TimeProvider clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Days(from, to, errors, clock.GetUtcNow());
        var csv = Csv(format, http, errors);
        if (csm is { Length: > 200 }) errors["csm"] = ["is not a key's name."];
        if (errors.Count > 0 || range is null) return Refused(errors);
        var (start, end) = range.Value;
        var csms = await Engine.Metrics.CsmAccount.QueryAsync(stores, start, end, csm, ct);
        var body = new CsmAccountBody(start, end, [.. csms.Select(CsmBody.Of)]);
        if (!csv) return TypedResults.Ok(body);
        await MetricsCsv.WriteAsync(http, "csms", start, end, MetricsCsv.Csms(body), ct);
        return TypedResults.Empty;
    }

    /// The periods' range: by default the last 12 periods, the current one included.
    static (DateTimeOffset, DateTimeOffset)? Range(string? from, string? to, Dictionary<string, string[]> errors, DateTimeOffset now, MetricsInterval interval)
    {
        var (start, end) = Parse(from, to, errors);
        if (errors.ContainsKey("from") || errors.ContainsKey("to")) return null;
        return Ordered(start ?? Periods.Last(interval, end ?? now).From, end ?? now, errors);
    }

    /// A cohort's range: by default the last 90 days.
    static (DateTimeOffset, DateTimeOffset)? Days(string? from, string? to, Dictionary<string, string[]> errors, DateTimeOffset now)
    {
        var (start, end) = Parse(from, to, errors);
        if (errors.ContainsKey("from") || errors.ContainsKey("to")) return null;
        var last = end ?? now;
        return Ordered(start ?? last - Engine.Metrics.RuleQuality.DefaultRange, last, errors);
    }

    static (DateTimeOffset? From, DateTimeOffset? To) Parse(string? from, string? to, Dictionary<string, string[]> errors)
    {
        DateTimeOffset? Within(DateTimeOffset? at, string field)
        {
            if (at is { } t && Periods.Outside(t) is { } why) errors[field] = [why];
            return at;
        }
        return (Within(QueryTime.Parse(from, "from", errors), "from"), Within(QueryTime.Parse(to, "to", errors), "to"));
    }

    static (DateTimeOffset, DateTimeOffset)? Ordered(DateTimeOffset from, DateTimeOffset to, Dictionary<string, string[]> errors)
    {
        if (from < to) return (from, to);
        errors["to"] = ["must be after from."];
        return null;
    }

    /// CSV when asked for, or when the console's .csv link is followed.
    static bool Csv(string? format, HttpContext http, Dictionary<string, string[]> errors)
    {
        if (format is not (null or "json" or "csv")) errors["format"] = ["must be json or csv."];
        return format == "csv" || http.Request.Path.Value?.EndsWith(".csv", StringComparison.Ordinal) == true;
    }

    /// A query the server understood but cannot answer as asked: 422 naming the parameters.
    static IResult Refused(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The query cannot be answered as asked.", statusCode: StatusCodes.Status422UnprocessableEntity);
}
