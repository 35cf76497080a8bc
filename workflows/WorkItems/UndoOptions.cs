namespace Routing.Workflows.WorkItems;

/// How long a person may take back their own cancel or hand-back.
/// <code>
/// "Routing": { "Console": { "UndoWithin": "00:01:00" } }
/// </code>
public sealed class UndoOptions
{
    public const string Section = "Routing:Console";

    /// After this long a cancel or hand-back stands (a new item, or a reopened one, is the way back).
    public TimeSpan UndoWithin { get; set; } = TimeSpan.FromMinutes(1);
}
