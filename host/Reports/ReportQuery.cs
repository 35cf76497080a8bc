using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Routing.Host.Access;
using Routing.Engine.Calendars;
using Routing.Engine.WorkItems;
using Routing.Engine.Store;
using Routing.Host.WorkItems;
using Routing.Rules.Rulesets;

namespace Routing.Host.Reports;

/// GET /api/reports/{id}: the report, its work items, and why each was routed.
internal static class ReportQuery
{
    public sealed record Segment(string? Region, string? AgeGroup, string? Accessibility, IReadOnlyList<int> Months);
    public sealed record Reason(string Rule, string Expression);
    public sealed record RoutedItem(WorkItemBody WorkItem, IReadOnlyList<Reason> Reasons);
    public sealed record Body(
        Guid Id, string Title, string Product, string Category, string? Description,
        int? UnitsSold, int? AffectedUnits, double? FailureRate, int ReportCount, Segment Segment,
        string? Vendor, string Severity, string? Recommendation, IReadOnlyList<string> Evidence,
        string VerifiedBy, DateTimeOffset VerifiedAt, DateTimeOffset ReceivedAt,
        int RulesetVersion, IReadOnlyList<string> Notify, IReadOnlyList<RoutedItem> WorkItems,
        /// The candidate pattern it was submitted from, if any (GET /api/patterns/{id}).
        Guid? PatternId);

    public static async Task<IResult> GetAsync(Guid id, ClaimsPrincipal user, RoutingDb db, RulesetCache rulesets,
        IWorkingCalendars calendars, TimeProvider clock, CancellationToken ct)
    {
        var r = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (r is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report.");

        // A department head sees a report through their own items only.
        var items = await db.WorkItems.AsNoTracking().VisibleTo(user).Where(w => w.ReportId == id).OrderBy(w => w.Department).ToListAsync(ct);
        if (items.Count == 0 && user.IsHead()) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such report.");
        var routed = new List<RoutedItem>();
        var now = clock.GetUtcNow();
        foreach (var item in items)
        {
            var ruleset = await rulesets.GetAsync(item.RulesetVersion);
            routed.Add(new(WorkItemBody.Of(item, ruleset!.Lifecycles.First(l => l.Id == item.Lifecycle),
                    SlaStatus.Of(item, calendars, now)),
                [.. item.MatchedRules.Select(rule => new Reason(rule, ruleset?.ExpressionOf(rule) ?? ""))]));
        }

        return TypedResults.Ok(new Body(
            r.Id, r.Title, r.Product, r.Category, r.Description, r.UnitsSold, r.AffectedUnits, r.FailureRate, r.ReportCount,
            new Segment(r.Region, r.AgeGroup, r.Accessibility, r.Months), r.Vendor, r.Severity, r.Recommendation, r.Evidence,
            r.VerifiedBy, r.VerifiedAt, r.ReceivedAt, r.RulesetVersion, r.Notify, routed, r.PatternId));
    }
}
