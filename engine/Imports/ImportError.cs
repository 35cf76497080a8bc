namespace Routing.Engine.Imports;

/// Why a line was not stored: its number in the file (a CSV's header is line 1; in a JSON
/// array, the element's position), the field at fault ("line" for a line that is not readable
/// at all) and what is wrong with it.
internal sealed record ImportError(long Line, string Field, string Message);
