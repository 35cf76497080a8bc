namespace Routing.Engine.Notifications;

/// A webhook delivery's body, in the shape Standard Webhooks recommends: what happened
/// (`type`, e.g. `work_item.escalated`), when it happened (`timestamp`: the event's time, not
/// the attempt's, which is the `webhook-timestamp` header) and the event's data.
internal sealed record WebhookPayload(string Type, DateTimeOffset Timestamp, WorkItemEvent Data);
