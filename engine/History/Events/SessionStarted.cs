namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.SessionStarted)]
internal sealed record SessionStarted(string Client) : HistoryData
{
    public override string Summary() => $"Signed in to the console (from {Client})";
}
