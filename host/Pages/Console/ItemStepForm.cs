using Routing.Engine.Lifecycles;
using Routing.Engine.WorkItems;

namespace Routing.Host.Pages.Console;

/// One step's form on the item page (_ItemStep): an action that records fields, each field a
/// control of its type. When this step was just refused, `Acted` keeps what was typed and each
/// field's problem, shown at the field. A step that resolves the item (`Resolves`, when its fix
/// will be measured) also takes the effectiveness criterion and a note.
internal sealed record ItemStepForm(WorkItem Item, LifecycleAction Step, string ActUrl, string? ReplaceUrl, Acted? Acted, bool Resolves = false)
{
    public EffectivenessInputs Criterion => EffectivenessInputs.For(Id, Acted, Step.Name);

    public string Id => ItemActionsForm.StepId(Step);

    /// Whether the last action was this step's, refused: its typed values and problems are shown.
    bool Refused => Acted is { IsError: true } && Acted.Step == Step.Name;

    /// A field's control id: by position, as a field's name may hold any character.
    public string FieldId(int index) => $"{Id}-{index + 1}";

    public string? Typed(LifecycleField field) => Refused ? Acted!.Typed?.GetValueOrDefault(field.Name) : null;

    /// The field's problem as said beside it, after its label: "Root cause" "is required to find
    /// cause." (the API's words end with the field's own name, which the label already says).
    public string? Problem(LifecycleField field)
    {
        if (!Refused || Acted!.FieldErrors?.GetValueOrDefault(field.Name) is not { } problem) return null;
        var named = $": {field.Words}.";
        return problem.EndsWith(named, StringComparison.Ordinal) ? problem[..^named.Length] + "." : problem;
    }

    public string? NoteError => Refused ? Acted!.NoteError : null;

    public string? Note => Refused ? Acted!.Note : null;

    /// Where a step that asks a confirmation posts: its form is the confirmation.
    public string PostUrl => Step.Confirm is null ? ActUrl : ActUrl + (ActUrl.Contains('?') ? "&" : "?") + "confirmed=true";
}
