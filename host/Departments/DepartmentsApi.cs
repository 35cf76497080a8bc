using System.Security.Claims;
using Routing.Host.Access;
using Routing.Engine.Access;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.WorkItems;
using Routing.Host.OpenApi;

namespace Routing.Host.Departments;

internal static class DepartmentsApi
{
    /// A department as the API shows it: never the webhook's secret, and its URL to admins
    /// only (a Slack- or Teams-style URL is itself a credential); others see whether it has one.
    public sealed record DepartmentBody(string Id, string Name, string Kind, string? Contact, bool Webhook, string? WebhookUrl, string? EscalateTo);

    public sealed record Inbox(string Department, int Page, int PageSize, int Total, IReadOnlyList<WorkItemBody> Items);

    const int MaxPageSize = 200, DefaultPageSize = 50;

    public static IEndpointRouteBuilder MapDepartments(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/departments").WithTags("Departments").RequireAuthorization(Policies.Read);
        group.MapGet("/", (IDepartmentDirectory departments, ClaimsPrincipal user) => TypedResults.Ok(
            departments.All.Select(d => new DepartmentBody(d.Id, d.Name, d.Kind, d.Contact, d.Webhook is not null,
                user.IsInRole(Roles.Admin) ? d.Webhook?.Url : null, d.EscalateTo))))
            .WithName("listDepartments")
            .WithSummary("The departments reports are routed to")
            .WithDescription("A webhook's URL is shown to admins only (a Slack- or Teams-style URL is itself a credential); others see whether there is one.");
        group.MapGet("/{id}/work-items", InboxAsync)
            .WithName("getDepartmentInbox")
            .WithSummary("A department's inbox: its work items, most urgent first, a page at a time")
            // The states the inbox takes: those of the active lifecycles when the document is fetched.
            .Takes("state", services => services.GetRequiredService<ILifecycles>().Active.SelectMany(l => l.States).Select(s => s.Name).Distinct(),
                "Only items in this state: a state of the active lifecycles (any case).")
            .Describes("page", "From 1.")
            .Describes("pageSize", $"From 1 to {MaxPageSize}; {DefaultPageSize} when not given.")
            .Produces<Inbox>()
            .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound);
        return app;
    }

    static async Task<IResult> InboxAsync(
        string id, string? state, int? page, int? pageSize,
        ClaimsPrincipal user, IDepartmentDirectory departments, ILifecycles lifecycles, RoutingDb db,
        IWorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        if (departments.Find(id) is null || !user.CanSee(id))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such department.");

        var errors = new Dictionary<string, string[]>();
        string? wanted = null;
        if (state is not null)
        {
            var known = lifecycles.Active.SelectMany(l => l.States).Select(s => s.Name).Distinct().ToList();
            wanted = known.FirstOrDefault(s => s.Equals(state, StringComparison.OrdinalIgnoreCase));
            if (wanted is null) errors["state"] = [$"must be one of: {string.Join(", ", known)}."];
        }
        if (pageSize is < 1 or > MaxPageSize) errors["pageSize"] = [$"must be from 1 to {MaxPageSize}."];
        var size = pageSize is >= 1 and <= MaxPageSize ? pageSize.Value : DefaultPageSize;
        // The rows skipped, (page - 1) * size, must fit in an int, or a far page wraps round to the first.
        var lastPage = int.MaxValue / size;
        if (page is < 1 || page > lastPage) errors["page"] = [$"must be from 1 to {lastPage}."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var p = page ?? 1;
        var (total, items) = await InboxQuery.PageAsync(db, user.ToCaller(), id, wanted, p, size, ct);

        var bodies = new List<WorkItemBody>();
        var now = clock.GetUtcNow();
        foreach (var item in items) bodies.Add(await WorkItemBody.OfAsync(item, lifecycles, calendars, now));
        return TypedResults.Ok(new Inbox(id, p, size, total, bodies));
    }
}
