namespace Routing.Engine.History;

internal static class HistoryKinds
{
    public const string ReportAccepted = "report.accepted";
    public const string ReportRouted = "report.routed";
    public const string WorkItemRouted = "work-item.routed";
    public const string WorkItemRecurrence = "work-item.recurrence";
    /// A person's action: "work-item.acknowledge", "work-item.hand-back", ...
    public static string WorkItemAction(string action) => $"work-item.{action}";
    public const string TimerFired = "timer.fired";
    public const string Reminder = "work-item.reminder";
    public const string Escalated = "work-item.escalated";
    public const string Reopened = "work-item.reopened";
    public const string Verified = "work-item.verified";
    public const string NotificationQueued = "notification.queued";
    public const string NotificationAttempt = "notification.attempt";
    public const string KeyCreated = "key.created";
    public const string KeyRevoked = "key.revoked";
    public const string AuthenticationFailed = "auth.failed";
    public const string RulesetDrafted = "ruleset.drafted";
    public const string RulesetPublished = "ruleset.published";
    public const string RulesetRolledBack = "ruleset.rolled-back";
    public const string WorkItemReprioritized = "work-item.reprioritized";
}
