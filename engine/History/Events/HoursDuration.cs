using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Routing.Engine.History.Events;

/// A time span stored as an ISO 8601 duration in hours and minutes ("PT103H", "PT5H30M"), as
/// the API writes durations; never in days, which would be ambiguous in working time (103
/// working hours are 13 working days of 8 h, not "P4DT7H").
internal sealed class HoursDuration : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        XmlConvert.ToTimeSpan(reader.GetString() ?? throw new JsonException("a duration is a string such as PT5H30M."));

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(Text(value));

    public static string Text(TimeSpan value)
    {
        var hours = (long)value.TotalHours;
        var minutes = value.Minutes;
        var seconds = (decimal)(value - TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(minutes)).Ticks / TimeSpan.TicksPerSecond;
        var text = "PT" + (hours > 0 ? $"{hours}H" : "") + (minutes > 0 ? $"{minutes}M" : "")
                   + (seconds > 0 ? seconds.ToString("0.#######", CultureInfo.InvariantCulture) + "S" : "");
        return text == "PT" ? "PT0S" : text;
    }
}
