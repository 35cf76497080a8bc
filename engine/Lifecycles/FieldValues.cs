using System.Globalization;
using System.Text.Json;

namespace Routing.Engine.Lifecycles;

/// The fields sent with an action, checked against what the action requires: every problem
/// by field (`fields.rootCause.method`), or the values to record. Fields the action does not
/// name are refused too, so a misspelt one is not silently dropped.
public static class FieldValues
{
    public const int MaxText = 10_000;
    public const int MaxItems = 50;

    public static (Dictionary<string, JsonElement> Values, Dictionary<string, string[]> Problems) Check(
        LifecycleAction action, IReadOnlyDictionary<string, JsonElement>? sent)
    {
        var values = new Dictionary<string, JsonElement>();
        var problems = new Dictionary<string, string[]>();
        sent ??= new Dictionary<string, JsonElement>();
        foreach (var field in action.Required)
        {
            var key = $"fields.{field.Name}";
            if (!sent.TryGetValue(field.Name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
                || value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())
                || value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
            {
                if (!field.Optional) problems[key] = [$"is required to {char.ToLowerInvariant(action.Words[0])}{action.Words[1..]}."];
                continue;
            }
            if (Problem(field, value) is { } problem) problems[key] = [problem];
            else values[field.Name] = Normal(field, value);
        }
        foreach (var unknown in sent.Keys.Where(k => action.Required.All(f => f.Name != k)))
            problems[$"fields.{unknown}"] = [action.Required.Count == 0
                ? $"is not a field of {action.Name}: it records none."
                : $"is not a field of {action.Name}; its fields are {string.Join(", ", action.Required.Select(f => f.Name))}."];
        return (values, problems);
    }

    static string? Problem(LifecycleField field, JsonElement value) => field.Type switch
    {
        LifecycleField.Text or LifecycleField.Person => value.ValueKind != JsonValueKind.String ? "must be text."
            : value.GetString()!.Length > (field.Type == LifecycleField.Person ? 200 : MaxText)
                ? $"must be at most {(field.Type == LifecycleField.Person ? 200 : MaxText)} characters." : null,
        LifecycleField.Choice => value.ValueKind == JsonValueKind.String && field.Choices!.Contains(value.GetString()!) ? null
            : $"must be one of: {string.Join(", ", field.Choices!)}.",
        LifecycleField.Date => value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null : "must be a date, YYYY-MM-DD.",
        LifecycleField.List => value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxItems
                || value.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(e.GetString()) || e.GetString()!.Length > MaxText)
            ? $"must be a list of at most {MaxItems} lines of text, none empty." : null,
        _ => $"has an unknown type {field.Type}.",
    };

    /// Text trimmed, as recorded.
    static JsonElement Normal(LifecycleField field, JsonElement value) => field.Type == LifecycleField.List
        ? JsonSerializer.SerializeToElement(value.EnumerateArray().Select(e => e.GetString()!.Trim()).ToArray())
        : JsonSerializer.SerializeToElement(value.GetString()!.Trim());
}
