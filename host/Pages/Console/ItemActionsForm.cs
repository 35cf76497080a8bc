using Routing.Engine.WorkItems;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// One item's action form, for the _ItemActions partial (an inbox row, the item page): the
/// actions the user may take now, posted to `ActUrl` (a page's Act handler); `Name` tells the
/// item apart from its neighbours for screen readers (title and short id); `Acted` is what the
/// last action on this item left to show (a refused note, a final action awaiting confirmation).
internal sealed record ItemActionsForm(WorkItem Item, string Name, string ActUrl, string? ReplaceUrl, IReadOnlyList<string> Allowed, Acted? Acted)
{
    public string Short => ShortId.Of(Item.Id);

    public IEnumerable<string> Everyday => Allowed.Where(a => !WorkItemActions.AsksToConfirm(a));

    public IEnumerable<string> Final => Allowed.Where(WorkItemActions.AsksToConfirm);

    /// What a final action's disclosure, its button and its warning say.
    public static (string Ask, string Button, string Why) Wording(string action) => action == WorkItemActions.Cancel
        ? ("Cancel…", "Cancel the item", "A cancelled item is final: no one works on it any more.")
        : ("Hand back…", "Hand back to triage", "The item leaves this department; triage routes it again.");
}
