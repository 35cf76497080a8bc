using System.Text.Json;
using Routing.Engine.Calendars;

namespace Routing.Rules.Rulesets;

/// A department whose working calendar a version changes: it names another one (or none, or one
/// where it had none), or the one it names counts other hours, holidays or another zone. Its open
/// items' due times count on `To` from the publish on.
internal sealed record CalendarChange(string Department, Calendar? From, Calendar? To)
{
    /// The departments of `to` whose calendar differs from theirs in `from`. A department `to` no
    /// longer has is left out: nothing routes to it, and its items keep their times.
    public static IReadOnlyList<CalendarChange> Between(CompiledRuleset from, CompiledRuleset to) =>
        [.. to.Departments.Select(d => new CalendarChange(d.Id, from.CalendarOf(d.Id), to.CalendarOf(d.Id))).Where(c => !Same(c.From, c.To))];

    // The definitions as JSON: records holding lists are not equal by value, their text is.
    static bool Same(Calendar? a, Calendar? b) =>
        a is null || b is null ? a is null && b is null : JsonSerializer.Serialize(a.Definition) == JsonSerializer.Serialize(b.Definition);
}
