namespace Routing.Engine.History.Events;

/// Failed authentications beyond the limit, refused and counted in one event per client and window.
[HistoryKind(HistoryKinds.AuthenticationThrottled)]
internal sealed record AuthenticationThrottled(string Client, int Refused, DateTimeOffset From, DateTimeOffset To) : HistoryData
{
    public override string Summary() =>
        $"{Refused} more failed authentication{(Refused == 1 ? "" : "s")} from {Client} refused as too many, between {Text(From)} and {Text(To)}";
}
