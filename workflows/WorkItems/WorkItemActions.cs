namespace Routing.Workflows.WorkItems;

/// The actions people take through the API, by the names the API uses.
public static class WorkItemActions
{
    static readonly Dictionary<string, WorkItemTrigger> ByName = new()
    {
        ["acknowledge"] = WorkItemTrigger.Acknowledge,
        ["start"] = WorkItemTrigger.Start,
        ["resolve"] = WorkItemTrigger.Resolve,
        [HandBack] = WorkItemTrigger.HandBack,
        ["cancel"] = WorkItemTrigger.Cancel,
        ["comment"] = WorkItemTrigger.Comment,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public const int MaxNote = 10_000;

    /// The actions that need a note, and why: someone reads it later (the triage team, an
    /// auditor, the department when the pattern comes back).
    static readonly Dictionary<string, string> NoteNeeded = new()
    {
        ["comment"] = "is required for a comment.",
        ["resolve"] = "is required to resolve: say what was done.",
        [HandBack] = "is required to hand back: say why the item is not this department's.",
        ["cancel"] = "is required to cancel: say why no work is needed.",
    };

    /// Whether the action needs a note (the console marks the note required for it).
    public static bool NeedsNote(string action) => NoteNeeded.ContainsKey(action);

    /// What is wrong with the note sent with an action, or null: comment, resolve, hand-back
    /// and cancel need one, and no note is longer than MaxNote. Problems asks here.
    public static string? NoteProblem(string action, string? note) =>
        note is { Length: > MaxNote } ? $"must be at most {MaxNote} characters."
        : string.IsNullOrWhiteSpace(note) && NoteNeeded.TryGetValue(action, out var why) ? why
        : null;

    public const string Cancel = "cancel";
    public const string HandBack = "hand-back";

    /// The final actions, which ask a person to confirm them, and why.
    static readonly Dictionary<string, string> Final = new()
    {
        [Cancel] = "a cancelled item is final",
        [HandBack] = "the item leaves this department for triage",
    };

    public static bool AsksToConfirm(string action) => Final.ContainsKey(action);

    /// Everything wrong with the input, by field: the version is required, the note follows
    /// NoteProblem, and a final action must be confirmed.
    public static Dictionary<string, string[]> Problems(ActOnWorkItem input)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Version is null) errors["version"] = ["is required: send the version you last read."];
        if (NoteProblem(input.Action, input.Note) is { } note) errors["note"] = [note];
        if (Final.TryGetValue(input.Action, out var why) && !input.Confirmed) errors["confirm"] = [$"is required: {why}."];
        return errors;
    }

    public static bool TryParse(string name, out WorkItemTrigger trigger) => ByName.TryGetValue(name, out trigger);

    public static string? NameOf(WorkItemTrigger trigger) =>
        ByName.FirstOrDefault(pair => pair.Value == trigger).Key;
}
