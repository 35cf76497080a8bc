using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

[HistoryKind(HistoryKinds.Verified)]
internal sealed record WorkItemVerified(string Before, string After, DateTimeOffset ResolvedAt) : HistoryData
{
    public override string Summary() => "Verified: the pattern did not come back";
}
