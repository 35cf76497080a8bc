using System.Runtime.CompilerServices;
using CsvHelper;
using Routing.Engine.Imports;

namespace Routing.Host.Imports;

/// CSV with a header row of the field names (any case, any order); the header is line 1, and a
/// record's number is the line of the file it starts on. Empty cells are nothing; blank lines
/// are skipped. A record with broken quoting, or more or fewer fields than the header, is an
/// unreadable line.
internal static class CsvRows
{
    public static async IAsyncEnumerable<ImportRow> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        var malformed = new Dictionary<long, string>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, $"has broken quoting ({record.Reason})."),
        };
        await using var reader = CsvReader.Create(body, options, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var header = reader.Headers.ToArray();

        while (await reader.ReadAsync(ct))
        {
            long line = reader.LineNumber;
            if (malformed.Remove(line, out var why))
                yield return ImportRow.Broken(line, "line", why);
            else if (reader.FieldCount != header.Length)
                yield return ImportRow.Broken(line, "line", $"has {reader.FieldCount} fields where the header has {header.Length}.");
            else
            {
                var fields = new Dictionary<string, string?>(header.Length, StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < header.Length; i++) fields[header[i]] = JsonRowFields.Text(reader.GetString(i));
                yield return new(line, fields);
            }
        }
    }
}
