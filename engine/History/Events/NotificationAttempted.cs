using Routing.Engine.Notifications;

namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.NotificationAttempted)]
internal sealed record NotificationAttempted(Guid EventId, string Event, string Channel, int Attempts, NotificationStatus Outcome, string? Error)
    : HistoryData
{
    public override string Summary() =>
        $"Notification \"{Event}\" via {Channel}, attempt {Attempts}: {Outcome}" + (Error is { Length: > 0 } ? $" ({Error})" : "");
}
