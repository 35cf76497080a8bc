using System.Text.Json;
using System.Text.Json.Serialization;

namespace Routing.Engine.Calendars;

/// A span of time as an ISO 8601 duration in hours and minutes ("PT50H30M", "PT0S"): never in
/// days, because a day of working time is not 24 hours.
public static class IsoDuration
{
    public static string Hours(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return "PT0S";
        var (hours, minutes, seconds) = ((long)span.TotalHours, span.Minutes, span.Seconds);
        var text = (hours > 0 ? $"{hours}H" : "") + (minutes > 0 ? $"{minutes}M" : "") + (seconds > 0 ? $"{seconds}S" : "");
        // Under a second left counts as none.
        return text.Length == 0 ? "PT0S" : "PT" + text;
    }

    /// Written and read as Hours writes it (System.Xml reads it too).
    public sealed class Converter : JsonConverter<TimeSpan>
    {
        public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            System.Xml.XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("a duration is a string."));

        public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(Hours(value));
    }
}
