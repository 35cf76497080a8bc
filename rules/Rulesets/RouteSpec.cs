using System.Text.Json;
using System.Xml;
using RulesEngine.Models;

namespace Routing.Rules.Rulesets;

/// The route details a rule carries in its RulesEngine `Properties`, parsed once.
internal sealed record RouteSpec(
    string RuleName,
    string? Department,
    string? FallbackDepartment,
    string? Priority,
    TimeSpan? AckWithin,
    TimeSpan? ResolveWithin,
    TimeSpan? FollowUpEvery,
    TimeSpan? ResolutionCheckAfter,
    IReadOnlyList<string> Notify)
{
    public static RouteSpec Parse(Rule rule, List<RuleError> errors)
    {
        var props = rule.Properties ?? [];
        var priority = Text(props, "priority");
        if (priority is not null && !RoutingWorkflows.Priorities.Contains(priority))
            errors.Add(new(rule.RuleName, $"priority '{priority}' must be one of {string.Join(", ", RoutingWorkflows.Priorities)}."));

        return new RouteSpec(
            rule.RuleName,
            Text(props, "department"),
            Text(props, "fallbackDepartment"),
            priority,
            Duration("ackWithin"),
            Duration("resolveWithin"),
            Duration("followUpEvery"),
            Duration("resolutionCheckAfter"),
            List(props, "notify"));

        TimeSpan? Duration(string key)
        {
            var text = Text(props, key);
            if (text is null) return null;
            try
            {
                var value = XmlConvert.ToTimeSpan(text);
                if (value > TimeSpan.Zero) return value;
            }
            catch (FormatException) { }
            errors.Add(new(rule.RuleName, $"{key} '{text}' is not a positive ISO 8601 duration such as PT4H or P3D."));
            return null;
        }
    }

    static string? Text(Dictionary<string, object> props, string key) => props.GetValueOrDefault(key) switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        var other => other.ToString(),
    };

    static IReadOnlyList<string> List(Dictionary<string, object> props, string key) => props.GetValueOrDefault(key) switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } e => [.. e.EnumerateArray().Select(x => x.ToString())],
        IEnumerable<string> list => [.. list],
        string s => [s],
        _ => [],
    };
}
