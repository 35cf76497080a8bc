using System.Runtime.CompilerServices;
using System.Text.Json;
using Routing.Engine.Imports;

namespace Routing.Host.Imports;

/// A JSON array of objects, read one element at a time (never the whole array at once); an
/// element's "line" is its position in the array, from 1. JSON that breaks off or goes wrong
/// ends the reading there, with one error for the element it broke in.
internal static class JsonArrayRows
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(body, cancellationToken: ct).GetAsyncEnumerator(ct);
        long number = 0;
        var broken = false;
        while (!broken)
        {
            ImportRow row;
            try
            {
                if (!await elements.MoveNextAsync()) yield break;
                row = JsonRowFields.Of(++number, elements.Current);
            }
            catch (JsonException e)
            {
                row = ImportRow.Broken(number + 1, "line", $"is not JSON (the rest of the array is not read): {e.Message.Split(" Path:")[0]}");
                broken = true;
            }
            yield return row;
        }
    }
}
