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
    static readonly string[] Known =
        ["department", "fallbackDepartment", "priority", "ackWithin", "resolveWithin", "followUpEvery", "resolutionCheckAfter", "notify"];

    public static RouteSpec Parse(Rule rule, List<RuleError> errors)
    {
        var props = rule.Properties ?? [];
        // A misspelt property ("prority") would otherwise be ignored without a word.
        foreach (var unknown in props.Keys.Where(k => !Known.Contains(k)))
            errors.Add(new(rule.RuleName, $"unknown property '{unknown}'; rules may have: {string.Join(", ", Known)}."));
        var priority = Text("priority");
        if (priority is not null && !RoutingWorkflows.Priorities.Contains(priority))
            errors.Add(new(rule.RuleName, $"priority '{priority}' must be one of {string.Join(", ", RoutingWorkflows.Priorities)}."));

        return new RouteSpec(
            rule.RuleName,
            Text("department"),
            Text("fallbackDepartment"),
            priority,
            Duration("ackWithin"),
            Duration("resolveWithin"),
            Duration("followUpEvery"),
            Duration("resolutionCheckAfter"),
            Texts("notify"));

        TimeSpan? Duration(string key)
        {
            var text = Text(key);
            if (text is null) return null;
            try
            {
                var value = XmlConvert.ToTimeSpan(text);
                if (value > TimeSpan.Zero) return value;
            }
            catch (FormatException) { }
            catch (OverflowException) { }
            errors.Add(new(rule.RuleName, $"{key} '{text}' is not a positive ISO 8601 duration such as PT4H or P3D."));
            return null;
        }

        string? Text(string key)
        {
            switch (props.GetValueOrDefault(key))
            {
                case null or JsonElement { ValueKind: JsonValueKind.Null }: return null;
                case string s: return s;
                case JsonElement { ValueKind: JsonValueKind.String } e: return e.GetString();
                default:
                    errors.Add(new(rule.RuleName, $"{key} must be a string."));
                    return null;
            }
        }

        IReadOnlyList<string> Texts(string key)
        {
            switch (props.GetValueOrDefault(key))
            {
                case null or JsonElement { ValueKind: JsonValueKind.Null }: return [];
                case IEnumerable<string> list: return [.. list];
                case JsonElement { ValueKind: JsonValueKind.Array } e when e.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String):
                    return [.. e.EnumerateArray().Select(x => x.GetString()!)];
                default:
                    errors.Add(new(rule.RuleName, $"{key} must be a list of department ids."));
                    return [];
            }
        }
    }
}
