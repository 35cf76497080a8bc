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
    IReadOnlyList<string> Notify,
    IReadOnlyDictionary<string, string>? Time = null)
{
    /// What each property a rule may have means; a name not here is refused (and the ruleset schema says both).
    public static readonly IReadOnlyDictionary<string, string> Described = new Dictionary<string, string>
    {
        ["department"] = "Routing: the id of the department the report goes to when the rule matches.",
        ["fallbackDepartment"] = "Routing: the department it goes to instead when `department` is not known.",
        ["priority"] = "Priority: the band a matching report gets, P1 (most urgent) to P4.",
        ["ackWithin"] = "How long the department has to acknowledge the item (ISO 8601 duration, e.g. PT4H or P1D).",
        ["resolveWithin"] = "How long the department has to resolve the item (ISO 8601 duration).",
        ["followUpEvery"] = "How often the department is reminded while the item is open (ISO 8601 duration).",
        ["resolutionCheckAfter"] = "How long after resolving the fix is checked (ISO 8601 duration).",
        ["notify"] = "Departments also told of the item, by id.",
        ["time"] = "Per window (ackWithin, resolveWithin…): counted in the department calendar's working time (business, the default) or around the clock (calendar).",
    };

    static readonly IReadOnlyCollection<string> Known = [.. Described.Keys];

    public const string Business = "business";
    public const string CalendarTime = "calendar";
    public static readonly string[] Windows = ["ackWithin", "resolveWithin", "followUpEvery", "resolutionCheckAfter"];

    /// The windows counted around the clock: those `time` says are, and the resolution check unless it says otherwise.
    public IReadOnlyList<string> CalendarTimeWindows =>
        [.. Windows.Where(w => (Time?.GetValueOrDefault(w) ?? (w == "resolutionCheckAfter" ? CalendarTime : Business)) == CalendarTime)];

    /// The longest window: past it, counting would only be a typing mistake running long.
    static readonly TimeSpan Longest = TimeSpan.FromDays(3_660);

    /// Whether a duration has 24 hours or more in its hours ("PT40H"): stored, it cannot be told
    /// from days ("P1DT16H"), and on a calendar a day is one working day.
    public static bool HoursPastADay(string text)
    {
        try
        {
            return text.IndexOf('T') is var t and >= 0 && XmlConvert.ToTimeSpan("P" + text[t..]) >= TimeSpan.FromDays(1);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return false;
        }
    }

    /// `written`: the rules are being written now (a draft, `rules validate`), not a version
    /// stored before: durations are held to today's rules of writing them.
    public static RouteSpec Parse(Rule rule, List<RuleError> errors, bool written = true)
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
            Texts("notify"),
            TimeOf());

        // `time`: for some windows, whether they count working time on the department's calendar or around the clock.
        IReadOnlyDictionary<string, string>? TimeOf()
        {
            switch (props.GetValueOrDefault("time"))
            {
                case null or JsonElement { ValueKind: JsonValueKind.Null }: return null;
                case JsonElement { ValueKind: JsonValueKind.Object } e:
                    var time = new Dictionary<string, string>();
                    foreach (var p in e.EnumerateObject())
                    {
                        if (!Windows.Contains(p.Name))
                            errors.Add(new(rule.RuleName, $"time names '{p.Name}'; it may set {string.Join(", ", Windows)}."));
                        else if (p.Value.ValueKind != JsonValueKind.String || p.Value.GetString() is not (Business or CalendarTime))
                            errors.Add(new(rule.RuleName, $"time.{p.Name} must be \"{Business}\" (working time on the department's calendar) or \"{CalendarTime}\" (around the clock)."));
                        else time[p.Name] = p.Value.GetString()!;
                    }
                    return time;
                default:
                    errors.Add(new(rule.RuleName, $"time must be an object such as {{ \"ackWithin\": \"calendar\" }}."));
                    return null;
            }
        }

        TimeSpan? Duration(string key)
        {
            var text = Text(key);
            if (text is null) return null;
            try
            {
                var value = XmlConvert.ToTimeSpan(text);
                if (value > TimeSpan.Zero)
                {
                    if (written && value > Longest)
                        errors.Add(new(rule.RuleName, $"{key} '{text}' is longer than {Longest.TotalDays:N0} days."));
                    // A stored duration cannot tell PT24H from P1D, and on a calendar a day is one working day (8 h on 09:00–17:00).
                    else if (written && HoursPastADay(text))
                        errors.Add(new(rule.RuleName, $"{key} '{text}' has 24 hours or more in hours: write whole days as days (P2D, P1DT4H). "
                            + "On a department's calendar a day is one working day and hours are working hours."));
                    else return value;
                    return null;
                }
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
