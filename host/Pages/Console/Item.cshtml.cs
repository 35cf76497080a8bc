using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;
using Routing.Host.History;

using Routing.Host.WorkItems;

namespace Routing.Host.Pages.Console;

/// One work item and its timeline, oldest first.
[Authorize(Policy = Policies.Read)]
internal sealed class ItemModel(RoutingDb db, TimeProvider clock) : PageModel
{
    public WorkItem Item { get; private set; } = null!;
    public IReadOnlyList<HistoryEntryBody> Timeline { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var item = await db.WorkItems.AsNoTracking().VisibleTo(User).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null) return NotFound();
        Item = item;
        Now = clock.GetUtcNow();
        Timeline = await TimelineQuery.EventsAsync(db, id, ct);
        return Page();
    }

    /// An action from the page's form (the inbox's, see ConsoleActing); the page shows its outcome.
    public async Task<IActionResult> OnPostActAsync(Guid id, string action, int version, string? note, bool confirmed,
        [FromServices] Routing.Workflows.WorkItems.WorkItemActionService actions, [FromServices] Routing.Workflows.WorkItems.WorkItemUndo undo, CancellationToken ct)
    {
        var acted = await ConsoleActing.ActAsync(actions, undo, User, id, action, version, note, confirmed, ct);
        if (acted.Refused) return StatusCode(acted.Status);
        ViewData["Acted"] = acted;
        var page = await OnGetAsync(id, ct);
        Response.StatusCode = acted.Status;
        return page;
    }
}
