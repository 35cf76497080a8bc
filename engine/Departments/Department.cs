namespace Routing.Engine.Departments;

/// A department (or third-party vendor) that can receive work items; part of a ruleset.
/// `EscalateTo` names the department also told when one of this department's items escalates;
/// `Lifecycle`, the lifecycle its items follow (standard when it names none); `Calendar`, the
/// calendar of its working time, which its items' due times count on (none: around the clock);
/// `Email`, the events (or digest) its contact, an e-mail address then, gets by e-mail.
public sealed record Department(
    [property: System.ComponentModel.Description("The department's id, which rules name in department and notify.")] string Id,
    [property: System.ComponentModel.Description("Its name as people read it.")] string Name,
    [property: System.ComponentModel.Description("internal, vendor (a third party) or triage (exactly one: unmatched reports go there).")] string Kind,
    [property: System.ComponentModel.Description("Who is told: a name, or an e-mail address to subscribe to e-mail.")] string? Contact = null,
    [property: System.ComponentModel.Description("Where its notifications are POSTed, signed (Standard Webhooks).")] Webhook? Webhook = null,
    [property: System.ComponentModel.Description("The department also told when one of this one's items escalates.")] string? EscalateTo = null,
    [property: System.ComponentModel.Description("The lifecycle its items follow (an id in lifecycles); the standard one when not given.")] string? Lifecycle = null,
    [property: System.ComponentModel.Description("The calendar of its working time (an id in calendars): its items' due times count on it; none: around the clock.")] string? Calendar = null,
    [property: System.ComponentModel.Description("What the contact (an e-mail address then) gets by e-mail: events as they happen, and/or a digest.")] EmailSubscription? Email = null)
{
    [System.Text.Json.Serialization.JsonIgnore] public string LifecycleId => Lifecycle ?? Lifecycles.Lifecycle.Standard;

    public const string Internal = "internal";
    public const string Vendor = "vendor";
    public const string Triage = "triage";
    public static readonly string[] Kinds = [Internal, Vendor, Triage];
}

/// Where a department's notifications are POSTed, and the secret that signs them (Standard
/// Webhooks, HMAC-SHA256; see WebhookSecret for its forms). `PreviousSecrets`: secrets being
/// rotated out, each still signing beside the current one until its time.
public sealed record Webhook(
    [property: System.ComponentModel.Description("The receiver's https address; one inside the network is refused unless the host's settings allow it.")] string Url,
    [property: System.ComponentModel.Description("The signing secret: whsec_ and the base64 of 24 to 64 random bytes, or a text of at least 16 characters. Read back as its fingerprint; a fingerprint sent back keeps the stored secret.")] string Secret,
    [property: System.ComponentModel.Description("Secrets being rotated out: each still signs beside the current one until its time.")] IReadOnlyList<PreviousSecret>? PreviousSecrets = null);
