using System.Globalization;

namespace Routing.Host.Pages;

/// How the console says counts, spans and times, so no page writes "1 field(s)" or "3 h" for
/// 2 h 20 min.
public static class Words
{
    /// "1 item", "3 items", "1,200 items"; `many` when the plural is not the word with an s.
    public static string Plural(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    /// A span rounded to the nearest unit shown: minutes under a day ("2 h 20 min", "45 min"),
    /// hours from a day on ("1 d 6 h"). Under half a minute is "under 1 min".
    public static string Span(TimeSpan span)
    {
        var minutes = (long)Math.Round(Math.Abs(span.TotalMinutes), MidpointRounding.AwayFromZero);
        if (minutes >= 24 * 60)
        {
            var hours = (long)Math.Round(minutes / 60.0, MidpointRounding.AwayFromZero);
            return $"{hours / 24} d {hours % 24} h";
        }
        return minutes >= 60 ? $"{minutes / 60} h {minutes % 60} min" : minutes == 0 ? "under 1 min" : $"{minutes} min";
    }

    /// A moment as people read it, in UTC to the second: "28 Nov 2026, 20:38:16 UTC".
    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("d MMM yyyy, HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
