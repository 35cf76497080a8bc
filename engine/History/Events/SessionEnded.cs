namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.SessionEnded)]
internal sealed record SessionEnded(string Reason) : HistoryData
{
    public override string Summary() => "Signed out of the console";
}
