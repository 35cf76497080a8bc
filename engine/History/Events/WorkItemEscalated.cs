using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.Escalated)]
internal sealed record WorkItemEscalated(string Before, string After, string Reason) : HistoryData
{
    public override string Summary() => $"Escalated: {Reason}";
}
