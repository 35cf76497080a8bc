using System.Text.Json;

namespace Routing.Host.History;

/// One sentence per event, so a timeline reads as a story: what happened, and why.
internal static class HistoryNarrative
{
    public static string Describe(string kind, JsonElement d)
    {
        string S(string name) => d.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
        string Note() => S("note") is { Length: > 0 } note ? $": \"{note}\"" : "";
        string In(string part, string name) => d.TryGetProperty(part, out var p) && p.ValueKind == JsonValueKind.Object &&
            p.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : "";
        string List(string name) => d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? string.Join(", ", v.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Object
                ? $"{x.GetProperty("department")} ({x.GetProperty("priority")})" : x.ToString()))
            : "";

        return kind switch
        {
            "report.accepted" => $"Report accepted: {S("title")} ({S("category")}, {S("severity")}, {S("reportCount")} reports)",
            "report.routed" => $"Routed by ruleset v{S("rulesetVersion")} to {List("routes")}; rules fired: {List("firedRules")}",
            "work-item.routed" when S("from") is { Length: > 0 } from => $"Handed back by {from}{Note()}",
            "work-item.routed" => $"Routed as {S("priority")}: acknowledge by {S("ackDueAt")}, resolve by {S("resolveDueAt")} (rules: {List("matchedRules")})",
            "work-item.recurrence" => $"The pattern was reported again (recurrence {S("recurrences")})",
            "work-item.reprioritized" => $"Reprioritized {In("before", "priority")} → {In("after", "priority")} by a more urgent recurrence: " +
                                         $"acknowledge by {In("after", "ackDueAt")} (was {In("before", "ackDueAt")}), " +
                                         $"resolve by {In("after", "resolveDueAt")} (was {In("before", "resolveDueAt")})",
            "work-item.comment" => $"Comment{Note()}",
            "work-item.reminder" => $"Reminder {S("reminder")}: not acknowledged (was due {S("ackDueAt")})",
            "work-item.escalated" => $"Escalated: {S("reason")}",
            "work-item.reopened" => $"Reopened: {S("reportsSinceResolution")} new report(s) of the pattern since it was resolved",
            "work-item.verified" => "Verified: the pattern did not come back",
            _ when kind.StartsWith("work-item.", StringComparison.Ordinal) => $"{kind["work-item.".Length..]}: {S("before")} → {S("after")}{Note()}",
            "timer.fired" => $"{S("kind")} timer fired, {S("delayMs")} ms after it was due",
            "notification.queued" => $"Notification \"{S("event")}\" queued for {S("to")}",
            "notification.attempt" => $"Notification \"{S("event")}\" via {S("channel")}, attempt {S("attempts")}: {S("outcome")}" +
                                      (S("error") is { Length: > 0 } error ? $" ({error})" : ""),
            "ruleset.drafted" => $"Ruleset v{S("version")} drafted",
            "ruleset.published" => $"Ruleset v{S("version")} published" + (S("previous") is { Length: > 0 } was ? $" (was v{was})" : ""),
            "ruleset.rolled-back" => $"Rolled back to ruleset v{S("version")} (was v{S("previous")})",
            "key.created" => $"Key \"{S("name")}\" created for a {S("role")}" + (List("departments") is { Length: > 0 } of ? $" of {of}" : ""),
            "key.revoked" => $"Key \"{S("name")}\" ({S("role")}) revoked",
            "auth.failed" => "A request with an unknown or revoked key was refused",
            _ => kind,
        };
    }
}
