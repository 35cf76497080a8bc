using Microsoft.Net.Http.Headers;
using Routing.Engine.Imports;

namespace Routing.Host.Imports;

/// The formats an import reads, each as a way to turn a stream into lines: NDJSON, CSV with a
/// header row, or a JSON array. Chosen by the body's Content-Type, or by a file's extension.
internal sealed record ImportFormat(string Name, Func<Stream, CancellationToken, IAsyncEnumerable<ImportRow>> Read)
{
    public static readonly ImportFormat Ndjson = new("NDJSON", NdjsonRows.ReadAsync);
    public static readonly ImportFormat Csv = new("CSV", CsvRows.ReadAsync);
    public static readonly ImportFormat JsonArray = new("JSON array", JsonArrayRows.ReadAsync);

    public const string MediaTypes = "application/x-ndjson, text/csv or application/json (an array)";

    public static ImportFormat? OfContentType(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type)
            ? type.MediaType.Value?.ToLowerInvariant() switch
            {
                "application/x-ndjson" or "application/ndjson" or "application/jsonl" => Ndjson,
                "text/csv" => Csv,
                "application/json" => JsonArray,
                _ => null,
            }
            : null;

    public static ImportFormat? OfFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".ndjson" or ".jsonl" => Ndjson,
        ".csv" => Csv,
        ".json" => JsonArray,
        _ => null,
    };
}
