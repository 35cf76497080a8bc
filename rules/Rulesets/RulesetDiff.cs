using JsonDiffPatchDotNet;
using Newtonsoft.Json.Linq;
using Routing.Engine.Departments;
using Routing.Engine.Rulesets;

namespace Routing.Rules.Rulesets;

/// A rule or department present in both versions but different. `Fields` names the changed
/// properties; `Patch` is the jsondiffpatch delta from the older to the newer; `Changes` says
/// the same in words for the console (not in the API's answer nor in the history).
public sealed record ChangedEntry(string Name, IReadOnlyList<string> Fields, object Patch)
{
    [System.Text.Json.Serialization.JsonIgnore] public IReadOnlyList<FieldChange> Changes { get; init; } = [];
}

/// What changed between two versions, rule by rule, department by department, lifecycle by
/// lifecycle and calendar by calendar. Secrets
/// are compared as their fingerprints, webhook URLs as their host and fingerprint: a diff
/// (and so the history, which auditors read) says that one was set, changed or removed,
/// never what it is.
public sealed record RulesetDiff(
    int Version,
    int Against,
    IReadOnlyList<string> AddedRules,
    IReadOnlyList<string> RemovedRules,
    IReadOnlyList<ChangedEntry> ChangedRules,
    IReadOnlyList<string> AddedDepartments,
    IReadOnlyList<string> RemovedDepartments,
    IReadOnlyList<ChangedEntry> ChangedDepartments,
    IReadOnlyList<string> AddedLifecycles,
    IReadOnlyList<string> RemovedLifecycles,
    IReadOnlyList<ChangedEntry> ChangedLifecycles,
    IReadOnlyList<string> AddedCalendars,
    IReadOnlyList<string> RemovedCalendars,
    IReadOnlyList<ChangedEntry> ChangedCalendars)
{
    /// Against the active version: how publishing this one would move the due times of open items
    /// (their department's calendar changes). Not in the history's diffs.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DueTimeShifts? DueTimes { get; init; }

    internal static RulesetDiff Between(RulesetVersion version, RulesetVersion against)
    {
        var (addedRules, removedRules, changedRules) = Compare(Rules(against.WorkflowsJson), Rules(version.WorkflowsJson));
        var (addedDepartments, removedDepartments, changedDepartments) =
            Compare(Departments(against.DepartmentsJson), Departments(version.DepartmentsJson));
        var (addedLifecycles, removedLifecycles, changedLifecycles) =
            Compare(Lifecycles(against.LifecyclesJson), Lifecycles(version.LifecyclesJson));
        var (addedCalendars, removedCalendars, changedCalendars) =
            Compare(ById(against.CalendarsJson ?? "[]"), ById(version.CalendarsJson ?? "[]"));
        return new(version.Version, against.Version, addedRules, removedRules, changedRules,
            addedDepartments, removedDepartments, changedDepartments, addedLifecycles, removedLifecycles, changedLifecycles,
            addedCalendars, removedCalendars, changedCalendars);
    }

    static (List<string>, List<string>, List<ChangedEntry>) Compare(Dictionary<string, JToken> before, Dictionary<string, JToken> after)
    {
        var differ = new JsonDiffPatch();
        var changed = new List<ChangedEntry>();
        foreach (var name in after.Keys.Intersect(before.Keys).Order(StringComparer.Ordinal))
            if (differ.Diff(before[name], after[name]) is JObject patch)
                changed.Add(new(name, [.. patch.Properties().Select(p => p.Name)], ToPlain(patch))
                {
                    Changes = FieldChange.Between(before[name], after[name]),
                });
        return (
            [.. after.Keys.Except(before.Keys).Order(StringComparer.Ordinal)],
            [.. before.Keys.Except(after.Keys).Order(StringComparer.Ordinal)],
            changed);
    }

    // Rule names are unique across a ruleset (validation sees to it); the workflow is part of the rule.
    static Dictionary<string, JToken> Rules(string workflowsJson) => JArray.Parse(SecretFields.Redact(workflowsJson))
        .SelectMany(w => (w["Rules"] as JArray ?? []).Select(r =>
        {
            var rule = (JObject)r.DeepClone();
            rule["Workflow"] = w["WorkflowName"];
            return rule;
        }))
        .GroupBy(r => (string?)r["RuleName"] ?? "")
        .ToDictionary(g => g.Key, g => (JToken)g.First());

    static Dictionary<string, JToken> Departments(string departmentsJson) => JArray.Parse(SecretFields.Redact(departmentsJson, urls: true))
        .GroupBy(d => (string?)d["id"] ?? "")
        .ToDictionary(g => g.Key, g => g.First());

    static Dictionary<string, JToken> Lifecycles(string? lifecyclesJson) => ById(lifecyclesJson ?? ShippedLifecycles.StandardOnlyJson);

    static Dictionary<string, JToken> ById(string json) => JArray.Parse(json)
        .GroupBy(l => (string?)l["id"] ?? "")
        .ToDictionary(g => g.Key, g => g.First());

    // As System.Text.Json data, so the API and history serialize the patch as plain JSON.
    static object ToPlain(JToken token) => System.Text.Json.JsonDocument.Parse(token.ToString(Newtonsoft.Json.Formatting.None)).RootElement;
}
