using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Routing.Engine.History.Events;

/// The payload of a history event: one sealed record per kind, which names its kind
/// ([HistoryKind]) and says what happened in a sentence. It is stored as camelCase JSON, with
/// enums by name; stored events are never rewritten, so a record keeps the JSON shape its kind
/// has always had, and events written before the payloads were types read into it alike.
internal abstract record HistoryData
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WrittenWithAttribute.Apply } },
    };

    // Reading is strict, so data that does not fit its kind's record is unreadable rather than half read.
    // A field a kind gained later is optional in its record: the events stored before lack it.
    static readonly JsonSerializerOptions ReadJson = new(Json) { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    static readonly FrozenDictionary<Type, string> KindByType = typeof(HistoryData).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(HistoryData)) && !t.IsAbstract)
        .ToFrozenDictionary(t => t, t => t.GetCustomAttribute<HistoryKindAttribute>()?.Kind
                                         ?? throw new InvalidOperationException($"{t.Name} names no history kind."));

    static readonly FrozenDictionary<string, Type> TypeByKind = KindByType.ToFrozenDictionary(p => p.Value, p => p.Key);

    /// The sentence a timeline shows for the event.
    public abstract string Summary();

    /// The kind an event with this payload is stored under.
    public static string KindOf(HistoryData data) => KindByType[data.GetType()];

    /// The kinds that have a payload record.
    public static IReadOnlyCollection<string> Kinds => TypeByKind.Keys;

    /// The payload as stored.
    public string ToJson() => JsonSerializer.Serialize(this, GetType(), Json);

    /// A value as JSON within a payload (as the payload itself would write it).
    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Json);

    /// The stored payload of an event of `kind` (today's name or a former one) as its record;
    /// null when the kind has none or the data does not fit it.
    public static HistoryData? Read(string kind, string json)
    {
        if (!TypeByKind.TryGetValue(HistoryKinds.Current(kind), out var type)) return null;
        try
        {
            return (HistoryData?)JsonSerializer.Deserialize(json, type, ReadJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// A time as the stored JSON writes it (ISO 8601, fractions of a second only when there are some).
    protected static string Text(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) ?? "";

    /// A time span in hours and minutes ("50 h 30 min"): days would be ambiguous in working time. A
    /// started minute counts, as the console says it.
    protected static string Span(TimeSpan span)
    {
        var minutes = Math.Max(0, (long)Math.Ceiling(span.TotalMinutes));
        var (hours, rest) = (minutes / 60, minutes % 60);
        return hours > 0 ? $"{hours} h" + (rest > 0 ? $" {rest} min" : "") : $"{rest} min";
    }

    /// A person's note as a sentence ends with it, or nothing.
    protected static string Quoted(string? note) => note is { Length: > 0 } ? $": \"{note}\"" : "";
}
