namespace Routing.Engine.Departments;

/// A department (or third-party vendor) that can receive work items; part of a ruleset.
/// `EscalateTo` names the department also told when one of this department's items escalates;
/// `Lifecycle`, the lifecycle its items follow (standard when it names none); `Calendar`, the
/// calendar of its working time, which its items' due times count on (none: around the clock);
/// `Email`, the events (or digest) its contact, an e-mail address then, gets by e-mail.
public sealed record Department(
    string Id, string Name, string Kind, string? Contact = null, Webhook? Webhook = null, string? EscalateTo = null, string? Lifecycle = null,
    string? Calendar = null, EmailSubscription? Email = null)
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
public sealed record Webhook(string Url, string Secret, IReadOnlyList<PreviousSecret>? PreviousSecrets = null);
