using Routing.Engine.History;

namespace Routing.Host.History;

/// The kinds of events in words, for a person choosing one: grouped by what they happen to
/// (work items, reports, keys…), each said by its verb ("handed back"). A kind added to
/// HistoryKinds is offered without another edit; a subject not named here shows as written.
internal static class HistoryKindWords
{
    static readonly Dictionary<string, string> Subjects = new()
    {
        ["report"] = "Reports", ["work-item"] = "Work items", ["timer"] = "Timers", ["notification"] = "Notifications",
        ["key"] = "API keys", ["auth"] = "Authentication", ["session"] = "Console sessions", ["ruleset"] = "Rules",
        ["patterns"] = "Patterns", ["pattern"] = "Patterns",
    };

    /// Every kind of HistoryKinds, by subject, in the catalogue's order.
    public static IEnumerable<IGrouping<string, string>> BySubject => HistoryKinds.All.GroupBy(Subject);

    /// "Work items" for work-item.handed-back.
    public static string Subject(string kind) => Subjects.GetValueOrDefault(Split(kind).Subject, Split(kind).Subject);

    /// "Handed back" for work-item.handed-back.
    public static string Verb(string kind)
    {
        var verb = Split(kind).Verb.Replace('-', ' ');
        return verb.Length == 0 ? kind : char.ToUpperInvariant(verb[0]) + verb[1..];
    }

    static (string Subject, string Verb) Split(string kind) =>
        kind.IndexOf('.') is var dot and >= 0 ? (kind[..dot], kind[(dot + 1)..]) : (kind, "");
}
