namespace Routing.Host.Pages.Console;

/// The shape marking a line's points.
internal enum LineMark { Dot, Square, Triangle, Diamond }

/// How a line is drawn: its colour, solid or dashed, and the mark on its points.
internal sealed record LineStyle(string Colour, bool Dashed, LineMark Mark);
