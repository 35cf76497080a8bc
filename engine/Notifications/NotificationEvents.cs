namespace Routing.Engine.Notifications;

/// The events a department is told about, by the names webhooks and emails carry (the
/// `event` of a webhook's payload: public, listed in the README; never renamed).
internal static class NotificationEvents
{
    /// A webhook payload's `type` is the event's name under this prefix (`work_item.routed`):
    /// Standard Webhooks' full-stop delimited form.
    public const string TypePrefix = "work_item.";

    public const string Routed = "routed";
    public const string Reminder = "reminder";
    public const string Escalated = "escalated";
    public const string Reopened = "reopened";
    public const string Verified = "verified";
    public const string Reprioritized = "reprioritized";
    /// A fix's effectiveness check could not judge it, even after watching longer: the CSM decides.
    public const string Inconclusive = "inconclusive";

    /// Resolved goes to the submitting CSM only (by e-mail): departments resolve items themselves.
    public const string Resolved = "resolved";
    /// A department's digest of its new, due and overdue items (e-mail only, not about one item).
    public const string Digest = "digest";

    /// The events a department's webhook and e-mail subscription can carry.
    public static readonly string[] All = [Routed, Reminder, Escalated, Reopened, Verified, Reprioritized, Inconclusive];

    /// The outcomes the CSM who submitted a pattern hears of, when their key has an e-mail address.
    public static readonly string[] SubmitterEvents = [Routed, Resolved, Verified, Reopened];

    public static string TypeOf(string @event) => TypePrefix + @event;
}
