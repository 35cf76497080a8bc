using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Routing.Host.Pages.Console;

/// A form with one file, read as the browser sends it (multipart/form-data) and as it arrives:
/// the short fields before the file are kept, and the file is handed over as the stream it is,
/// never buffered, so a file of any size takes constant memory. Browsers send the fields in the
/// form's order, so a form read this way puts its file last.
internal sealed class FileForm
{
    const int MaxFieldLength = 1024;

    MultipartSection? file;

    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    /// The file's name as the browser gave it; empty when the form was sent without a file chosen.
    public string FileName { get; private set; } = "";

    public string? FileContentType => file?.ContentType;

    /// The file's bytes, read from the request as they come.
    public Stream File => file?.Body ?? Stream.Null;

    /// The form up to its file (named fileField; a form without one reads as one without a file
    /// chosen), or null when the body is not a multipart form or a field is longer than a form's are.
    public static async Task<FileForm?> ReadAsync(HttpRequest request, string fileField, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 70 } boundary)
            return null;

        var reader = new MultipartReader(boundary, request.Body);
        var form = new FileForm();
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (section.GetContentDispositionHeader() is not { } disposition
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)) return null;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (name == fileField)
                {
                    form.file = section;
                    form.FileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                    return form;
                }
                if (await ShortTextAsync(section.Body, ct) is not { } value) return null;
                form.Fields[name] = value;
            }
        }
        catch (InvalidDataException)
        {
            // Not multipart after all: a missing boundary, headers too long.
            return null;
        }
        return form;
    }

    /// A field's value, or null when it is longer than any of the form's fields.
    static async Task<string?> ShortTextAsync(Stream body, CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
        var buffer = new char[MaxFieldLength + 1];
        var read = 0;
        while (read < buffer.Length && await reader.ReadAsync(buffer.AsMemory(read), ct) is > 0 and var n) read += n;
        return read > MaxFieldLength ? null : new string(buffer, 0, read);
    }
}
