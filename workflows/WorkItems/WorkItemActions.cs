using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;

namespace Routing.Workflows.WorkItems;

/// What a person's action needs besides a state that allows it: who may take it, the version
/// they read, a note where the lifecycle asks for one, a confirmation of a final action, and the
/// fields it records.
public static class WorkItemActions
{
    public const int MaxNote = 10_000;

    /// What is wrong with the note sent with an action, or null: a comment needs one, an action
    /// whose lifecycle says `noteRequired` needs one, and no note is longer than MaxNote.
    public static string? NoteProblem(LifecycleAction? action, string? note) =>
        note is { Length: > MaxNote } ? $"must be at most {MaxNote} characters."
        : !string.IsNullOrWhiteSpace(note) ? null
        : action is null ? "is required for a comment."
        : action.NoteRequired is { } why ? $"is required to {action.Name.Replace('-', ' ')}: {why}."
        : null;

    /// Everything wrong with the input, by field: the version is required, the note follows
    /// NoteProblem, a final action must be confirmed, and the fields are the action's
    /// (FieldValues). `action` is null for a comment.
    public static (Dictionary<string, string[]> Errors, Dictionary<string, System.Text.Json.JsonElement> Fields) Problems(
        ActOnWorkItem input, LifecycleAction? action)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Version is null) errors["version"] = ["is required: send the version you last read."];
        if (NoteProblem(action, input.Note) is { } note) errors["note"] = [note];
        if (action?.Confirm is { } why && !input.Confirmed) errors["confirm"] = [$"is required: {why}."];
        if (action is null)
        {
            if (input.Fields is { Count: > 0 }) errors["fields"] = ["a comment records no fields."];
            return (errors, []);
        }
        var (fields, problems) = FieldValues.Check(action, input.Fields);
        foreach (var (key, value) in problems) errors[key] = value;
        return (errors, fields);
    }

    /// Whether the caller may take the action on an item of the department: the department's
    /// actions (and comments) as for any action on its items; the CSMs' by CSMs and admins.
    public static bool MayTake(Caller caller, LifecycleAction? action, string department, IDepartmentDirectory departments) =>
        action?.Taker == LifecycleAction.Csm ? caller.Role is Roles.Csm or Roles.Admin : caller.CanAct(department, departments);
}
