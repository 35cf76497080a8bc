using System.Globalization;

namespace Routing.Engine.Patterns;

/// Contiguous months of the year, First to Last (1 = January), wrapping the year when First is
/// after Last: November (11) to March (3) is one season, as a heater's winter is.
internal sealed record MonthRun(int First, int Last)
{
    static readonly DateTimeFormatInfo Names = CultureInfo.InvariantCulture.DateTimeFormat;

    public int Length => (Last - First + 12) % 12 + 1;

    /// The months in calendar order from First: Nov, Dec, Jan, Feb, Mar.
    public IEnumerable<int> Months => Enumerable.Range(0, Length).Select(i => (First - 1 + i) % 12 + 1);

    public bool Contains(int month) => Months.Contains(month);

    /// "Nov–Mar", "Jan", or "all year" — how the explanation sentence says it.
    public string Words =>
        Length == 12 ? "all year"
        : Length == 1 ? Names.GetAbbreviatedMonthName(First)
        : $"{Names.GetAbbreviatedMonthName(First)}–{Names.GetAbbreviatedMonthName(Last)}";

    /// "November to March", for a title or a sentence read aloud.
    public string LongWords =>
        Length == 12 ? "all year"
        : Length == 1 ? Names.GetMonthName(First)
        : $"{Names.GetMonthName(First)} to {Names.GetMonthName(Last)}";
}
