using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Routing.Engine.Imports;

namespace Routing.Host.Imports;

/// NDJSON: one JSON object a line, numbered as the file's lines are; blank lines are skipped.
internal static class NdjsonRows
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        long number = 0;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            yield return Parse(number, line);
        }
    }

    static ImportRow Parse(long number, string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return JsonRowFields.Of(number, json.RootElement);
        }
        catch (JsonException e)
        {
            return ImportRow.Broken(number, "line", $"is not JSON: {e.Message.Split(" LineNumber:")[0]}");
        }
    }
}
