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

    public static bool TryParse(string name, out WorkItemTrigger trigger) => ByName.TryGetValue(name, out trigger);

    public static string? NameOf(WorkItemTrigger trigger) =>
        ByName.FirstOrDefault(pair => pair.Value == trigger).Key;
}
