namespace Routing.Host.WorkItems;

/// A time left as the API writes it: an ISO 8601 duration in hours, minutes and seconds, never
/// days ("PT50H30M"), since a day of working time is not 24 hours and a client would misread
/// "P2DT2H". Whole seconds (a fraction is dropped); "PT0S" once nothing is left.
internal static class IsoHours
{
    public static string Of(TimeSpan left)
    {
        var seconds = (long)Math.Floor(left.TotalSeconds);
        if (seconds <= 0) return "PT0S";
        var (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return "PT" + (hours > 0 ? $"{hours}H" : "") + (minutes > 0 ? $"{minutes}M" : "") + (rest > 0 ? $"{rest}S" : "");
    }
}
