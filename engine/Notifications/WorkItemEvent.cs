using System.Text.Json.Serialization;
using Routing.Engine.History.Events;

namespace Routing.Engine.Notifications;

/// What a webhook tells about a work-item event (the `data` of its payload). Public: fields are
/// added, never renamed or removed; a change that would break a receiver gets a new
/// `SchemaVersion`. `Role` says why this recipient is told: `owner`, the item's department, or
/// `escalation`, the department's escalation contact, told of an escalation too (`Recipient`
/// then differs from `Department`).
internal sealed record WorkItemEvent(
    int SchemaVersion,
    Guid EventId,
    string Event,
    string Recipient,
    string Role,
    Guid WorkItemId,
    Guid ReportId,
    string Title,
    string Product,
    string Category,
    string Department,
    string State,
    string Priority,
    DateTimeOffset AckDueAt,
    DateTimeOffset ResolveDueAt,
    WebhookLinks Links)
{
    public const int Version = 1;

    /// How a resolution check judged the fix: on `verified`, `reopened` and `inconclusive` only.
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EffectivenessOutcome? Effectiveness { get; init; }
}
