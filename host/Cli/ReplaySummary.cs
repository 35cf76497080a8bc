using System.Text.Json.Nodes;

namespace Routing.Host.Cli;

/// The replay `rules push --publish` runs before publishing, as a reviewer reads it: how many
/// reports were routed again, which would go elsewhere, and how due times would move.
internal static class ReplaySummary
{
    const int Listed = 20;

    /// Prints the summary of a replay (POST /api/rules/versions/{v}/replay); how many reports would go elsewhere.
    public static async Task<int> PrintAsync(JsonNode replay, int days, TextWriter output)
    {
        var changes = replay["changes"]?.AsArray() ?? [];
        await output.WriteLineAsync($"replay of v{replay["version"]} over the last {days} days: {replay["reports"]} reports" +
            (replay["truncated"]?.GetValue<bool>() == true ? " (the first ones only)" : "") +
            $", {changes.Count} would go elsewhere ({replay["handedBack"]} away from a department that handed it back)");
        foreach (var change in changes.Take(Listed))
            await output.WriteLineAsync($"  report {change!["reportId"]} ({change["receivedAt"]}): " +
                $"{Departments(change["current"])} → {Departments(change["proposed"])}");
        if (changes.Count > Listed) await output.WriteLineAsync($"  … and {changes.Count - Listed} more");
        if (replay["dueTimes"] is JsonObject { } dueTimes && dueTimes["items"]?.GetValue<int>() > 0)
            await output.WriteLineAsync($"due times: {dueTimes["items"]} open item(s) would move, from {dueTimes["earliest"]} to {dueTimes["latest"]}");
        return changes.Count;
    }

    static string Departments(JsonNode? list) => list is JsonArray { Count: > 0 } a ? string.Join(", ", a) : "(none)";
}
