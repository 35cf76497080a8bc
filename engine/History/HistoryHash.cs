using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Routing.Engine.History;

internal static class HistoryHash
{
    public const string Genesis = "";

    [ThreadStatic] static ArrayBufferWriter<byte>? bytes;
    [ThreadStatic] static Utf8JsonWriter? json;

    /// SHA-256 over the previous hash and the canonical JSON of the event's fields (an array, as
    /// System.Text.Json writes it). The actor's key id, added later, is hashed only when there is one,
    /// so chains sealed before still verify. Written straight into one buffer a thread: verifying a
    /// million events computes a million hashes.
    public static string Compute(HistoryEvent e, string previousHash)
    {
        var buffer = bytes ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes(previousHash, buffer);
        buffer.Write("\n"u8);
        var writer = json ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        writer.WriteStartArray();
        if (e.ChainIndex is { } index) writer.WriteNumberValue(index);
        else writer.WriteNullValue();
        writer.WriteNumberValue(e.Sequence);
        writer.WriteStringValue(e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        writer.WriteStringValue(e.Actor);
        writer.WriteStringValue(e.Kind);
        Write(writer, e.ReportId);
        Write(writer, e.WorkItemId);
        writer.WriteStringValue(e.Department);
        writer.WriteStringValue(e.Data);
        if (e.ActorKeyId is { } keyId) writer.WriteStringValue(keyId);
        writer.WriteEndArray();
        writer.Flush();
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash);
    }

    static void Write(Utf8JsonWriter writer, Guid? id)
    {
        if (id is { } value) writer.WriteStringValue(value);
        else writer.WriteNullValue();
    }
}
