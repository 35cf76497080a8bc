using Routing.Engine.Metrics;

namespace Routing.Host.Pages.Console;

/// What became of the items some rules opened, as _RuleFigures shows it (the Accountability page
/// per version, the rules editor for the version shown).
internal sealed record RuleFiguresTable(string Caption, IReadOnlyList<RuleFigures> Rules);
