using System.Text.Json;
using System.Text.RegularExpressions;

namespace Routing.Host;

/// Reads a JSON body by hand, so that malformed JSON and wrong types come back as
/// ProblemDetails naming the field, bodies over the limit as 413, and so the exact bytes
/// are at hand (an Idempotency-Key is checked against them).
internal static partial class JsonBody
{
    public const int ReportMaxBytes = 256 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        // A misspelt field ("severty") would otherwise be dropped without a word.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        // "title" and "Title" are one field to the case-insensitive reader: the second would win.
        AllowDuplicateProperties = false,
    };

    public sealed record Read<T>(T? Value, ReadOnlyMemory<byte> Bytes, IResult? Problem);

    public static async Task<Read<T>> ReadAsync<T>(HttpRequest request, int maxBytes, CancellationToken ct) where T : class
    {
        if (request.ContentLength > maxBytes) return Failed(TooLarge(maxBytes));
        if (!request.HasJsonContentType())
            return Failed(TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "The body must be JSON (Content-Type: application/json)."));

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes) return Failed(TooLarge(maxBytes));
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        // The serializer checks UTF-8 only where it decodes a string; a JsonElement field (a
        // ruleset's workflows) keeps the raw bytes and would fail later, when read as text.
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) return new(null, bytes, BadRequest("body", "is not valid UTF-8."));

        var (value, problem) = Parse<T>(bytes);
        return new(value, bytes, problem is null ? null : BadRequest(problem.Field, problem.Reason));

        static Read<T> Failed(IResult problem) => new(null, ReadOnlyMemory<byte>.Empty, problem);
    }

    /// What is wrong with a body: the field ("body" for the whole of it) and why.
    public sealed record FieldProblem(string Field, string Reason);

    /// JSON read with the API's strict options; the API answers a problem as a 400, the
    /// console shows it at its field.
    public static (T? Value, FieldProblem? Problem) Parse<T>(byte[] json) where T : class
    {
        if (JsonBodyText.Check(json) is { } problem) return (null, problem);
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) is { } value ? (value, null) : (null, new("body", "must be a JSON object."));
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            return (null, field is null
                ? new("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).")
                : e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                    ? new(field, "is not a known field.")
                    : e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase)
                        ? new(field, "is given more than once.")
                        : new(field, "has the wrong type or is not valid JSON."));
        }
    }

    static IResult TooLarge(int maxBytes) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: $"The body is larger than {maxBytes / 1024} KiB.");

    static IResult BadRequest(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] },
            title: "The body could not be read.");

    /// "$.segment.months[2]" -> "segment.months"; "$" or nothing -> null (the body itself).
    static string? FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return null;
        var field = Index().Replace(path.TrimStart('$').TrimStart('.'), "");
        return field.Length == 0 ? null : field;
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();
}
