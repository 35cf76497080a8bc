using Routing.Engine.WorkItems;
using Routing.Engine.Lifecycles;

namespace Routing.Host.Pages.Console;

/// One item's action form, for the _ItemActions partial (an inbox row, the item page): the
/// actions the user may take now, posted to `ActUrl` (a page's Act handler); `Name` tells the
/// item apart from its neighbours for screen readers (title and short id); `Acted` is what the
/// last action on this item left to show (a refused note, a final action awaiting confirmation).
/// The steps, actions that record fields, have a form each on the item page (_ItemStep); this
/// form links to it.
internal sealed record ItemActionsForm(
    WorkItem Item, Lifecycle Lifecycle, string Name, string ActUrl, string? ReplaceUrl, IReadOnlyList<string> Allowed, Acted? Acted)
{
    public string Short => ShortId.Of(Item.Id);

    /// The everyday action that resolves the item and takes an effectiveness criterion with it
    /// (the item page, when the fix will be measured), or null: the form then has no criterion inputs.
    public string? Resolving { get; init; }

    /// The actions taken by their button alone: those that record no fields and ask no confirmation (a comment among them).
    public IEnumerable<string> Everyday => Allowed.Where(a => Lifecycle.Action(a) is not { } action || action.Confirm is null && !IsStep(action));

    /// The final actions, which the lifecycle asks a person to confirm.
    public IEnumerable<LifecycleAction> Final => Allowed.Select(Lifecycle.Action).OfType<LifecycleAction>().Where(a => a.Confirm is not null && !IsStep(a));

    /// The actions that record fields, in the lifecycle's order, each taken with its own form on the item page.
    public IEnumerable<LifecycleAction> Steps => Lifecycle.Actions.Where(a => IsStep(a) && Allowed.Contains(a.Name));

    public static bool IsStep(LifecycleAction action) => action.Required.Count > 0;

    /// Whether the last action was a step's: its note and problems are shown at the step's own form.
    bool ActedByStep => Acted?.Step is { } step && Lifecycle.Action(step) is { } action && IsStep(action);

    /// The refused note this form shows again, and its problem.
    public string? Note => ActedByStep ? null : Acted?.Note;

    public string? NoteError => ActedByStep ? null : Acted?.NoteError;

    /// Where a step's form is: the item page, at the step.
    public string StepUrl(LifecycleAction step) => $"/console/items/{Item.Id}#{StepId(step)}";

    public static string StepId(LifecycleAction step) => $"act-{step.Name}";

    /// What an action's button says: its label, or (the standard lifecycle's) its name.
    public string Button(string action) => Lifecycle.Action(action)?.Label ?? action;

    /// The note's hint: the actions of this form that need one, in the lifecycle's order.
    public string NoteHint
    {
        get
        {
            var needing = Lifecycle.Actions.Where(a => a.NoteRequired is not null && Allowed.Contains(a.Name) && !IsStep(a))
                .Select(a => a.Label is { } label ? char.ToLowerInvariant(label[0]) + label[1..] : a.Name.Replace('-', ' ')).ToList();
            return needing.Count == 0 ? "Required for a comment."
                : $"Required to {(needing.Count == 1 ? needing[0] : $"{string.Join(", ", needing[..^1])} or {needing[^1]}")}: say what was done or why.";
        }
    }

    /// What a final action's disclosure, its button and its warning say.
    public static (string Ask, string Button, string Why) Wording(LifecycleAction action) => action.Name switch
    {
        LifecycleAction.Cancel => ("Cancel…", "Cancel the item", "A cancelled item is final: no one works on it any more."),
        LifecycleAction.HandBack => ("Hand back…", "Hand back to triage", "The item leaves this department; triage routes it again."),
        _ => ($"{action.Words}…", action.Words, $"{char.ToUpperInvariant(action.Confirm![0])}{action.Confirm[1..]}."),
    };
}
