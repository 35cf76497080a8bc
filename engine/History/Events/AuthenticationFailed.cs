namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.AuthenticationFailed)]
internal sealed record AuthenticationFailed(string Client, string Reason) : HistoryData
{
    public override string Summary() => "A request with an unknown or revoked key was refused";
}
