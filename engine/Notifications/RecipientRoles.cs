namespace Routing.Engine.Notifications;

/// Why a department is told of an event: it owns the item, or it is the owner's escalation contact.
/// (Or why a person is: Submitter.)
internal static class RecipientRoles
{
    public const string Owner = "owner";
    public const string Escalation = "escalation";
    /// The CSM who submitted the item's report, told of its outcomes by e-mail (never by a department's
    /// webhook, so not in All, which lists the roles a webhook carries).
    public const string Submitter = "submitter";
    public static readonly string[] All = [Owner, Escalation];
}
