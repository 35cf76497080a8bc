namespace Routing.Engine.Notifications;

/// Why a department is told of an event: it owns the item, or it is the owner's escalation contact.
internal static class RecipientRoles
{
    public const string Owner = "owner";
    public const string Escalation = "escalation";
    public static readonly string[] All = [Owner, Escalation];
}
