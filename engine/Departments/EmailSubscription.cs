namespace Routing.Engine.Departments;

/// What a department's contact gets by e-mail: each event named in `Events` as it happens
/// (NotificationEvents.All), and/or a `Digest` (hourly or daily) of its new, due and overdue items:
/// <code>
/// "email": { "events": ["escalated", "reminder"], "digest": "daily" }
/// </code>
public sealed record EmailSubscription(
    [property: System.ComponentModel.Description("The events e-mailed as they happen.")] IReadOnlyList<string>? Events = null,
    [property: System.ComponentModel.Description("A digest of new, due and overdue items: hourly or daily.")] string? Digest = null)
{
    public const string Hourly = "hourly", Daily = "daily";
    public static readonly string[] Digests = [Hourly, Daily];

    public bool Wants(string @event) => Events?.Contains(@event) == true;
}
