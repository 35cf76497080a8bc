using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Departments;
using Routing.Engine.Store;
using Routing.Engine.WorkItems;
using Routing.Host.Access;
using Routing.Host.Departments;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// A department's work items with what is due when, and the actions the user may take.
[Authorize(Policy = Policies.Read)]
internal sealed class InboxModel(RoutingDb db, IDepartmentDirectory directory, WorkItemActionService actions, TimeProvider clock) : PageModel
{
    const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public WorkItemState? State { get; set; }

    public IReadOnlyList<Department> Departments { get; private set; } = [];
    public IReadOnlyList<WorkItem> Items { get; private set; } = [];
    public int Total { get; private set; }
    public DateTimeOffset Now { get; private set; }
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }

    /// Whether the user may act on the shown department's items (all of them, or none).
    public bool CanAct { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(ct);

    /// The one action the inbox asks to confirm: a cancelled item is final.
    public const string Cancel = WorkItemActions.Cancel;

    public async Task<IActionResult> OnPostActAsync(Guid item, string action, int version, string? note, bool confirmCancel, CancellationToken ct)
    {
        var outcome = await actions.ActAsync(
            new ActOnWorkItem(item, action, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), version, Confirmed: confirmCancel),
            User.ToCaller(), ct);
        switch (outcome)
        {
            case ActionOutcome.NotFound: return NotFound();
            case ActionOutcome.Forbidden: return Forbid();
            case ActionOutcome.UnknownAction: return BadRequest();
        }
        (Message, MessageIsError) = outcome switch
        {
            ActionOutcome.Done done => ($"Done ({action}): the item is now {done.Item.State}.", false),
            ActionOutcome.Invalid { Errors: var errors } when errors.TryGetValue("note", out var problem) => ($"The note {problem[0]}", true),
            ActionOutcome.Invalid { Errors: var errors } when errors.ContainsKey("confirm") =>
                ("Nothing changed: to cancel the item, tick “Really cancel” first (a cancelled item is final).", true),
            ActionOutcome.Invalid { Errors: var errors } => ($"Nothing changed: {string.Join(" ", errors.Select(e => $"the {e.Key} {e.Value[0]}"))}", true),
            ActionOutcome.NotAllowed n => ($"'{action}' is not allowed while the item is {n.State}.", true),
            ActionOutcome.Stale => ("The item changed since you loaded the page; here it is as it is now.", true),
            _ => throw new InvalidOperationException($"Unknown outcome {outcome}."),
        };
        if (MessageIsError) Response.StatusCode = StatusCodes.Status409Conflict;
        Department ??= await db.WorkItems.Where(w => w.Id == item).Select(w => w.Department).FirstAsync(ct);
        return await ShowAsync(ct);
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Departments = [.. directory.All.Where(d => User.CanSee(d.Id))];
        Department ??= Departments.FirstOrDefault()?.Id;
        if (Department is null || !Departments.Any(d => d.Id == Department)) return NotFound();
        CanAct = User.CanAct(Department, directory);
        Now = clock.GetUtcNow();
        (Total, var items) = await InboxQuery.PageAsync(db, User.ToCaller(), Department, State, 1, PageSize, ct);
        Items = items;
        return Page();
    }

}
