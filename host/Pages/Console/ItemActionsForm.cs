using Routing.Engine.WorkItems;
using Routing.Engine.Lifecycles;

namespace Routing.Host.Pages.Console;

/// One item's action form, for the _ItemActions partial (an inbox row, the item page): the
/// actions the user may take now, posted to `ActUrl` (a page's Act handler); `Name` tells the
/// item apart from its neighbours for screen readers (title and short id); `Acted` is what the
/// last action on this item left to show (a refused note, a final action awaiting confirmation).
internal sealed record ItemActionsForm(
    WorkItem Item, Lifecycle Lifecycle, string Name, string ActUrl, string? ReplaceUrl, IReadOnlyList<string> Allowed, Acted? Acted)
{
    public string Short => ShortId.Of(Item.Id);

    /// The actions taken by their button alone: those that ask no confirmation (a comment among them).
    public IEnumerable<string> Everyday => Allowed.Where(a => Lifecycle.Action(a)?.Confirm is null);

    /// The final actions, which the lifecycle asks a person to confirm.
    public IEnumerable<LifecycleAction> Final => Allowed.Select(Lifecycle.Action).OfType<LifecycleAction>().Where(a => a.Confirm is not null);

    /// What a final action's disclosure, its button and its warning say.
    public static (string Ask, string Button, string Why) Wording(LifecycleAction action) => action.Name switch
    {
        LifecycleAction.Cancel => ("Cancel…", "Cancel the item", "A cancelled item is final: no one works on it any more."),
        LifecycleAction.HandBack => ("Hand back…", "Hand back to triage", "The item leaves this department; triage routes it again."),
        _ => ($"{action.Words}…", action.Words, $"{char.ToUpperInvariant(action.Confirm![0])}{action.Confirm[1..]}."),
    };
}
