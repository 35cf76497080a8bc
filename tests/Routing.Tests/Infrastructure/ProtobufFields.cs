namespace Routing.Tests.Infrastructure;

/// The protobuf wire format, as far as reading OTLP needs: a message is a run of fields, each
/// a number and a varint, a fixed 64 or 32 bits, or length-delimited bytes (a string, bytes
/// or a nested message). No schema: the readers name the field numbers.
public static class ProtobufFields
{
    public readonly record struct Field(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes);

    public static List<Field> Read(ReadOnlyMemory<byte> message)
    {
        var fields = new List<Field>();
        var span = message.Span;
        var at = 0;
        while (at < span.Length)
        {
            var tag = Varint(span, ref at);
            var (number, wire) = ((int)(tag >> 3), (int)(tag & 7));
            switch (wire)
            {
                case 0: fields.Add(new(number, Varint(span, ref at), default)); break;
                case 1: fields.Add(new(number, BitConverter.ToUInt64(span.Slice(at, 8)), message.Slice(at, 8))); at += 8; break;
                case 5: fields.Add(new(number, BitConverter.ToUInt32(span.Slice(at, 4)), message.Slice(at, 4))); at += 4; break;
                case 2:
                    var length = (int)Varint(span, ref at);
                    fields.Add(new(number, 0, message.Slice(at, length)));
                    at += length;
                    break;
                default: throw new InvalidDataException($"Unknown wire type {wire} at byte {at}.");
            }
        }
        return fields;
    }

    static ulong Varint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = span[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
    }

    public static IEnumerable<ReadOnlyMemory<byte>> Messages(this List<Field> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => f.Bytes);

    public static string Text(this List<Field> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => System.Text.Encoding.UTF8.GetString(f.Bytes.Span)).LastOrDefault() ?? "";

    public static string Hex(this List<Field> fields, int number) =>
        fields.Where(f => f.Number == number).Select(f => Convert.ToHexStringLower(f.Bytes.Span)).LastOrDefault() ?? "";

    /// OTLP attributes (KeyValue: 1 key, 2 AnyValue: 1 string, 2 bool, 3 int, 4 double) as text.
    public static Dictionary<string, string> Attributes(this List<Field> fields, int number) =>
        fields.Messages(number).Select(Read).ToDictionary(kv => kv.Text(1), kv => kv.Messages(2).Select(Read).Select(AnyValue).FirstOrDefault() ?? "");

    public static string AnyValue(List<Field> value) => value.FirstOrDefault() switch
    {
        { Number: 1 } f => System.Text.Encoding.UTF8.GetString(f.Bytes.Span),
        { Number: 2 } f => (f.Varint != 0).ToString(),
        { Number: 3 } f => ((long)f.Varint).ToString(),
        { Number: 4 } f => BitConverter.UInt64BitsToDouble(f.Varint).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
