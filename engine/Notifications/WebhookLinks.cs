namespace Routing.Engine.Notifications;

/// Where a receiver (or a person it tells) finds the item: its API resource, its report's, and
/// its page in the console; absolute, from `Routing:PublicUrl`.
internal sealed record WebhookLinks(string Api, string Report, string Console);
