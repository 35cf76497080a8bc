using System.Reflection;

namespace Routing.Engine.History;

/// The kinds of history events: one vocabulary, in the past tense (what happened). A kind
/// added at the end is listed everywhere kinds are (the API's filter, its OpenAPI document);
/// its payload is the record in Events/ that names it.
internal static class HistoryKinds
{
    public const string ReportAccepted = "report.accepted";
    public const string ReportRouted = "report.routed";
    public const string WorkItemRouted = "work-item.routed";
    public const string Recurred = "work-item.recurred";
    public const string Acknowledged = "work-item.acknowledged";
    public const string Started = "work-item.started";
    public const string Resolved = "work-item.resolved";
    public const string HandedBack = "work-item.handed-back";
    public const string Cancelled = "work-item.cancelled";
    public const string Commented = "work-item.commented";
    public const string Reminded = "work-item.reminded";
    public const string Escalated = "work-item.escalated";
    public const string Reopened = "work-item.reopened";
    public const string Verified = "work-item.verified";
    public const string TimerFired = "timer.fired";
    public const string NotificationQueued = "notification.queued";
    public const string NotificationAttempted = "notification.attempted";
    public const string KeyCreated = "key.created";
    public const string KeyRevoked = "key.revoked";
    public const string AuthenticationFailed = "auth.failed";
    public const string RulesetDrafted = "ruleset.drafted";
    public const string RulesetPublished = "ruleset.published";
    public const string RulesetRolledBack = "ruleset.rolled-back";
    public const string WorkItemReprioritized = "work-item.reprioritized";
    public const string SessionStarted = "session.started";
    public const string SessionEnded = "session.ended";
    /// Failed authentications beyond the limit, refused and counted in one event per client and window.
    public const string AuthenticationThrottled = "auth.throttled";
    /// A cancel or hand-back undone by the person who took it, within the undo window.
    public const string Restored = "work-item.restored";
    public const string ComplaintsImported = "complaints.imported";
    public const string ExposureImported = "exposure.imported";
    /// A pattern scan: counts of segments tested and candidates, not one event per candidate.
    public const string PatternsScanned = "patterns.scanned";
    /// A candidate pattern dismissed by a CSM, with the reason.
    public const string PatternDismissed = "pattern.dismissed";
    /// An action of a work item's lifecycle that has no kind of its own (contain, find-cause, …).
    public const string ActionTaken = "work-item.acted";
    /// A resolved item's effectiveness criterion, fixed before any result is known.
    public const string CriterionFixed = "work-item.criterion-fixed";
    /// Too few units sold to judge a fix: its observation window extended once.
    public const string CheckExtended = "work-item.check-extended";
    /// Still too few after the extension: the submitting CSM decides.
    public const string CheckUndecided = "work-item.check-undecided";
    /// The item entered a state its lifecycle marks waiting: its SLA clock stopped.
    public const string ClockPaused = "work-item.clock-paused";
    /// It left the waiting state: its due times moved on by the time it waited.
    public const string ClockResumed = "work-item.clock-resumed";
    /// A published calendar changed the working time its due times count on: they were counted again.
    public const string DueTimesMoved = "work-item.due-times-moved";

    /// Every kind, in the order above.
    public static readonly IReadOnlyList<string> All = [.. typeof(HistoryKinds).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!)];

    /// The names events were written under before the vocabulary was made past tense. Stored
    /// events keep them (the history is append-only and hash-chained), so reading maps them.
    static readonly Dictionary<string, string> Former = new()
    {
        ["work-item.recurrence"] = Recurred, ["work-item.acknowledge"] = Acknowledged, ["work-item.start"] = Started,
        ["work-item.resolve"] = Resolved, ["work-item.hand-back"] = HandedBack, ["work-item.cancel"] = Cancelled,
        ["work-item.comment"] = Commented, ["work-item.reminder"] = Reminded, ["notification.attempt"] = NotificationAttempted,
    };

    /// The kind's name in today's vocabulary, whichever name it was stored under.
    public static string Current(string kind) => Former.GetValueOrDefault(kind, kind);

    /// Whether a name is a kind (today's or a former name).
    public static bool IsKnown(string kind) => All.Contains(Current(kind));

    /// Every name events of this kind may be stored under: today's and its former ones.
    public static string[] StoredAs(string kind)
    {
        var current = Current(kind);
        return [current, .. Former.Where(f => f.Value == current).Select(f => f.Key)];
    }
}
