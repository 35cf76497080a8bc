using Routing.Engine.History.Events;

namespace Routing.Host.History;

/// One sentence per event, so a timeline reads as a story: what happened, and why. The
/// sentence is the payload's own; an event of a kind without a payload record, or whose data
/// does not read as its kind's, shows its kind.
internal static class HistoryNarrative
{
    public static string Describe(string kind, string data) => HistoryData.Read(kind, data)?.Summary() ?? kind;
}
