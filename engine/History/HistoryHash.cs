using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Routing.Engine.History;

internal static class HistoryHash
{
    public const string Genesis = "";

    /// SHA-256 over the previous hash and the canonical JSON of the event's fields. The actor's
    /// key id, added later, is hashed only when there is one, so chains sealed before still verify.
    public static string Compute(HistoryEvent e, string previousHash)
    {
        object?[] fields =
        [
            e.ChainIndex, e.Sequence, e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), e.Actor, e.Kind,
            e.ReportId, e.WorkItemId, e.Department, e.Data,
        ];
        var canonical = JsonSerializer.Serialize(e.ActorKeyId is { } keyId ? [.. fields, keyId] : fields);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonical)));
    }
}
