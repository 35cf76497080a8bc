using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Routing.Engine.History;

internal static class HistoryHash
{
    public const string Genesis = "";

    /// SHA-256 over the previous hash and the canonical JSON of the event's fields.
    public static string Compute(HistoryEvent e, string previousHash)
    {
        var canonical = JsonSerializer.Serialize(new object?[]
        {
            e.ChainIndex, e.Sequence, e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), e.Actor, e.Kind,
            e.ReportId, e.WorkItemId, e.Department, e.Data,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + canonical)));
    }
}
