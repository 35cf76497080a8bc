using Routing.Engine.WorkItems;

namespace Routing.Engine.History.Events;

/// A new report of the pattern joined the open item (`ReportId` is that report).
[HistoryKind(HistoryKinds.Recurred)]
internal sealed record WorkItemRecurred(Guid ReportId, int Recurrences, string State) : HistoryData
{
    public override string Summary() => $"The pattern was reported again (recurrence {Recurrences})";
}
