namespace Routing.Rules;

/// Where the shipped rules are read from on first start.
/// <code>
/// "Routing": { "Rules": { "Folder": "rules", "RefreshEvery": "00:00:02", "EvaluationBudget": "00:00:01" } }
/// </code>
public sealed class RulesOptions
{
    public const string Section = "Routing:Rules";
    public const string WorkflowsFile = "routing.json";
    public const string DepartmentsFile = "departments.json";
    public const string LifecyclesFile = "lifecycles.json";
    public const string CalendarsFile = "calendars.json";

    /// Relative paths are taken from the host's output folder, where the build copies `rules/*.json`.
    public string Folder { get; set; } = "rules";

    /// How often each host looks for a newer publish.
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultEvaluationBudget = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxEvaluationBudget = TimeSpan.FromMinutes(1);

    /// How long routing one report may take (at most a minute); a report whose rules take
    /// longer goes to triage as well, with the reason in its history, and intake goes on.
    public TimeSpan EvaluationBudget { get; set; } = DefaultEvaluationBudget;

    public string FullFolder => Path.IsPathRooted(Folder) ? Folder : Path.Combine(AppContext.BaseDirectory, Folder);
}
