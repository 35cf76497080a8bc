namespace Routing.Workflows.WorkItems;

/// The actions people take through the API, by the names the API uses.
public static class WorkItemActions
{
    static readonly Dictionary<string, WorkItemTrigger> ByName = new()
    {
        ["acknowledge"] = WorkItemTrigger.Acknowledge,
        ["start"] = WorkItemTrigger.Start,
        ["resolve"] = WorkItemTrigger.Resolve,
        ["hand-back"] = WorkItemTrigger.HandBack,
        ["cancel"] = WorkItemTrigger.Cancel,
        ["comment"] = WorkItemTrigger.Comment,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public const int MaxNote = 10_000;

    /// What is wrong with the note sent with an action, or null: a comment needs one, and no
    /// note is longer than MaxNote. The API and the console both ask here.
    public static string? NoteProblem(string action, string? note) =>
        note is { Length: > MaxNote } ? $"must be at most {MaxNote} characters."
        : action == "comment" && string.IsNullOrWhiteSpace(note) ? "is required for a comment."
        : null;

    public static bool TryParse(string name, out WorkItemTrigger trigger) => ByName.TryGetValue(name, out trigger);

    public static string? NameOf(WorkItemTrigger trigger) =>
        ByName.FirstOrDefault(pair => pair.Value == trigger).Key;
}
