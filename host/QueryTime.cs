using System.Globalization;

namespace Routing.Host;

internal static class QueryTime
{
    /// An ISO 8601 time from the query string; a bad (or missing required) one is an error naming the parameter.
    public static DateTimeOffset? Parse(string? value, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        if (value is null && !required) return null;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            return time.ToUniversalTime();
        errors[field] = [$"{(required ? "is required: " : "must be ")}an ISO 8601 time such as 2026-11-01T00:00:00Z."];
        return null;
    }

    /// A required period [from, to): both times, from before to; null with the errors otherwise.
    public static (DateTimeOffset From, DateTimeOffset To)? Period(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var (start, end) = (Parse(from, "from", errors, required: true), Parse(to, "to", errors, required: true));
        if (start is null || end is null) return null;
        if (start < end) return (start.Value, end.Value);
        errors["to"] = ["must be after from."];
        return null;
    }
}
