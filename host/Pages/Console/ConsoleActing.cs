using System.Security.Claims;
using Routing.Host.Access;
using Routing.Engine.Effectiveness;
using Routing.Engine.Lifecycles;
using Routing.Workflows.WorkItems;

namespace Routing.Host.Pages.Console;

/// What the console's action form sends (from the inbox's rows and the item page alike) and
/// what the page says after: the one place the console turns an action's outcome into words.
/// "undo" takes back the person's last cancel or hand-back (WorkItemUndo); every other action
/// is the API's (WorkItemActionService).
internal static class ConsoleActing
{
    public const string Undo = "undo";

    /// The final actions the person who took them may take back for a while (WorkItemUndo).
    static bool Undoable(string action) => action is LifecycleAction.Cancel or LifecycleAction.HandBack;

    public static async Task<Acted> ActAsync(
        WorkItemActionService actions, WorkItemUndo undo, ClaimsPrincipal user,
        Guid item, string action, int version, string? note, bool confirmed, CancellationToken ct, PostedFields? posted = null,
        PostedEffectiveness? effectiveness = null)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (action == Undo)
            return await undo.UndoAsync(new UndoAction(item, version), user.ToCaller(), ct) switch
            {
                UndoOutcome.Done d => new(item, StatusCodes.Status200OK,
                    $"Undone: the item is back to {d.State}." + (d.CancelledTriageItem is null ? "" : " The item it had opened in triage is cancelled.")),
                UndoOutcome.Refused r => new(item, StatusCodes.Status409Conflict, $"Not undone: {r.Why}", IsError: true),
                UndoOutcome.Forbidden => new(item, StatusCodes.Status403Forbidden, "", IsError: true),
                _ => new(item, StatusCodes.Status404NotFound, "", IsError: true),
            };

        var typed = posted?.Typed;
        EffectivenessChoice? choice = null;
        if (effectiveness is not null)
        {
            var (chosen, problems) = effectiveness.Choice();
            if (problems.Count > 0)
                return new(item, StatusCodes.Status422UnprocessableEntity, "Nothing changed: the effectiveness criterion needs attention.", IsError: true,
                    Note: note, Step: action, Typed: typed, Effectiveness: effectiveness, EffectivenessErrors: problems);
            choice = chosen;
        }
        var outcome = await actions.ActAsync(new ActOnWorkItem(item, action, note, version, confirmed, posted?.Values(), choice), user.ToCaller(), ct);
        var acted = Said(outcome, item, action, note, typed, undo);
        // A refused resolve shows what was typed in its criterion again, each problem at its input.
        return outcome is ActionOutcome.Invalid { Errors: var all } && effectiveness is not null
            ? acted with { Effectiveness = effectiveness, EffectivenessErrors = CriterionErrors(all) }
            : acted;
    }

    /// The criterion's problems, by the API's keys, said after each input's label.
    static Dictionary<string, string> CriterionErrors(IReadOnlyDictionary<string, string[]> errors) => errors
        .Where(e => e.Key.StartsWith(PostedEffectiveness.Key, StringComparison.Ordinal))
        .ToDictionary(e => e.Key, e => PostedEffectiveness.Said(e.Key, e.Value[0]));

    static Acted Said(ActionOutcome outcome, Guid item, string action, string? note, IReadOnlyDictionary<string, string>? typed, WorkItemUndo undo)
    {
        return outcome switch
        {
            ActionOutcome.Done done => new(item, StatusCodes.Status200OK, $"Done ({action}): the item is now {done.Item.State}."
                    + (Undoable(action) ? $" If that was a mistake, undo it within {undo.Window}." : ""),
                UndoVersion: Undoable(action) ? done.Item.Version : null),
            ActionOutcome.Invalid { Errors: var errors } when errors.Keys.Any(k => k.StartsWith(FieldKey)) => FieldsRefused(item, action, note, typed, errors),
            ActionOutcome.Invalid { Errors: var errors } when errors.Keys.Any(k => k.StartsWith(PostedEffectiveness.Key, StringComparison.Ordinal)) =>
                new(item, StatusCodes.Status422UnprocessableEntity, "Nothing changed: the effectiveness criterion needs attention.", IsError: true,
                    Note: note, NoteError: errors.TryGetValue("note", out var noteProblem) ? noteProblem[0] : null, Step: action, Typed: typed),
            ActionOutcome.Invalid { Errors: var errors } when errors.TryGetValue("note", out var problem) =>
                new(item, StatusCodes.Status422UnprocessableEntity, $"Nothing changed: the note {problem[0]}", IsError: true, Note: note, NoteError: problem[0],
                    Step: action, Typed: typed),
            ActionOutcome.Invalid { Errors: var errors } when errors.TryGetValue("confirm", out var why) =>
                new(item, StatusCodes.Status422UnprocessableEntity, $"Nothing changed: the confirmation {why[0]}", IsError: true, Note: note, Confirming: action,
                    Step: action, Typed: typed),
            ActionOutcome.Invalid { Errors: var errors } => new(item, StatusCodes.Status422UnprocessableEntity,
                $"Nothing changed: {string.Join(" ", errors.Select(e => $"the {e.Key} {e.Value[0]}"))}", IsError: true, Note: note, Step: action, Typed: typed),
            ActionOutcome.NotAllowed n => new(item, StatusCodes.Status409Conflict, $"'{action}' is not allowed while the item is {n.State}.", IsError: true),
            ActionOutcome.Stale => new(item, StatusCodes.Status409Conflict, "The item changed since you loaded the page; here it is as it is now.", IsError: true),
            ActionOutcome.Forbidden => new(item, StatusCodes.Status403Forbidden, "", IsError: true),
            ActionOutcome.UnknownAction => new(item, StatusCodes.Status400BadRequest, "", IsError: true),
            _ => new(item, StatusCodes.Status404NotFound, "", IsError: true),
        };
    }

    const string FieldKey = "fields.";

    /// A step refused for its fields: every problem at its field at once (the note's too), with
    /// what was typed kept; the status line counts them.
    static Acted FieldsRefused(Guid item, string action, string? note, IReadOnlyDictionary<string, string>? typed, IReadOnlyDictionary<string, string[]> errors)
    {
        var fields = errors.Where(e => e.Key.StartsWith(FieldKey)).ToDictionary(e => e.Key[FieldKey.Length..], e => e.Value[0]);
        // The criterion's problems are said at its inputs (CriterionErrors).
        var others = errors.Where(e => !e.Key.StartsWith(FieldKey) && !e.Key.StartsWith(PostedEffectiveness.Key, StringComparison.Ordinal))
            .Select(e => $" The {e.Key} {e.Value[0]}");
        return new(item, StatusCodes.Status422UnprocessableEntity,
            $"Nothing changed: {Words.Plural(fields.Count, "field")} {(fields.Count == 1 ? "needs" : "need")} attention." + string.Concat(others),
            IsError: true, Note: note, NoteError: errors.TryGetValue("note", out var problem) ? problem[0] : null, Step: action, Typed: typed, FieldErrors: fields);
    }
}
