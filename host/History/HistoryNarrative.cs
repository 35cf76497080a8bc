using System.Text.Json;
using Routing.Engine.History;

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

        // Events keep the kind they were stored under: a former name reads as today's.
        return HistoryKinds.Current(kind) switch
        {
            HistoryKinds.ReportAccepted => $"Report accepted: {S("title")} ({S("category")}, {S("severity")}, {S("reportCount")} reports)",
            HistoryKinds.ReportRouted => $"Routed by ruleset v{S("rulesetVersion")} to {List("routes")}; rules fired: {List("firedRules")}",
            HistoryKinds.WorkItemRouted when S("from") is { Length: > 0 } from => $"Handed back by {from}{Note()}",
            HistoryKinds.WorkItemRouted => $"Routed as {S("priority")}: acknowledge by {S("ackDueAt")}, resolve by {S("resolveDueAt")} (rules: {List("matchedRules")})",
            HistoryKinds.Recurred => $"The pattern was reported again (recurrence {S("recurrences")})",
            HistoryKinds.WorkItemReprioritized => $"Reprioritized {In("before", "priority")} → {In("after", "priority")} by a more urgent recurrence: " +
                                                  $"acknowledge by {In("after", "ackDueAt")} (was {In("before", "ackDueAt")}), " +
                                                  $"resolve by {In("after", "resolveDueAt")} (was {In("before", "resolveDueAt")})",
            HistoryKinds.Commented => $"Comment{Note()}",
            HistoryKinds.Acknowledged => $"Acknowledged: {S("before")} → {S("after")}{Note()}",
            HistoryKinds.Started => $"Started: {S("before")} → {S("after")}{Note()}",
            HistoryKinds.Resolved => $"Resolved: {S("before")} → {S("after")}{Note()}",
            HistoryKinds.HandedBack => $"Handed back to triage: {S("before")} → {S("after")}{Note()}",
            HistoryKinds.Cancelled => $"Cancelled: {S("before")} → {S("after")}{Note()}",
            HistoryKinds.Reminded => $"Reminder {S("reminder")}: not acknowledged (was due {S("ackDueAt")})",
            HistoryKinds.Escalated => $"Escalated: {S("reason")}",
            HistoryKinds.Reopened => $"Reopened: {S("reportsSinceResolution")} new report(s) of the pattern since it was resolved",
            HistoryKinds.Verified => "Verified: the pattern did not come back",
            HistoryKinds.TimerFired => $"{S("kind")} timer fired, {S("delayMs")} ms after it was due",
            HistoryKinds.NotificationQueued => $"Notification \"{S("event")}\" queued for {S("to")}",
            HistoryKinds.NotificationAttempted => $"Notification \"{S("event")}\" via {S("channel")}, attempt {S("attempts")}: {S("outcome")}" +
                                                  (S("error") is { Length: > 0 } error ? $" ({error})" : ""),
            HistoryKinds.RulesetDrafted => $"Ruleset v{S("version")} drafted",
            HistoryKinds.RulesetPublished => $"Ruleset v{S("version")} published" + (S("previous") is { Length: > 0 } was ? $" (was v{was})" : ""),
            HistoryKinds.RulesetRolledBack => $"Rolled back to ruleset v{S("version")} (was v{S("previous")})",
            HistoryKinds.KeyCreated => $"Key \"{S("name")}\" created for the role {S("role")}" + (List("departments") is { Length: > 0 } of ? $" of {of}" : ""),
            HistoryKinds.KeyRevoked => $"Key \"{S("name")}\" ({S("role")}) revoked",
            HistoryKinds.AuthenticationFailed => "A request with an unknown or revoked key was refused",
            HistoryKinds.SessionStarted => $"Signed in to the console (from {S("client")})",
            HistoryKinds.SessionEnded => "Signed out of the console",
            HistoryKinds.AuthenticationThrottled => $"{S("refused")} more failed authentication(s) from {S("client")} refused as too many, between {S("from")} and {S("to")}",
            _ when kind.StartsWith("work-item.", StringComparison.Ordinal) => $"{kind["work-item.".Length..]}: {S("before")} → {S("after")}{Note()}",
            _ => kind,
        };
    }
}
