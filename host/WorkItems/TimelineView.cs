using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;

namespace Routing.Host.WorkItems;

/// GET /api/work-items/{id}/timeline: the item's history, oldest first.
internal static class TimelineView
{
    public sealed record Entry(long Sequence, DateTimeOffset At, string Actor, string Kind, string? Department, JsonElement Data);

    public static async Task<IResult> GetAsync(Guid id, RoutingDb db, CancellationToken ct)
    {
        if (!await db.WorkItems.AnyAsync(w => w.Id == id, ct))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such work item.");
        var events = await db.History.AsNoTracking().Where(e => e.WorkItemId == id).OrderBy(e => e.Sequence).ToListAsync(ct);
        return TypedResults.Ok(events.Select(e =>
            new Entry(e.Sequence, e.At, e.Actor, e.Kind, e.Department, JsonDocument.Parse(e.Data).RootElement)));
    }
}
