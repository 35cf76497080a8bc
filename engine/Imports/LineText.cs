namespace Routing.Engine.Imports;

/// A text field of an import line, checked alike for every kind and format: present when
/// required, not too long, without the NUL character (PostgreSQL refuses it in text), and
/// without U+FFFD, which is what the readers make of bytes that are not UTF-8: such a line is
/// refused rather than stored garbled.
internal static class LineText
{
    public static string? Read(ImportRow row, string field, bool required, int max, List<ImportError> errors)
    {
        var value = row[field];
        if (value is null)
        {
            if (required) errors.Add(new(row.Line, field, "is required."));
            return null;
        }
        if (value.Length > max) errors.Add(new(row.Line, field, $"is longer than {max} characters."));
        else if (value.Contains('\0')) errors.Add(new(row.Line, field, "must not contain a NUL character (\\u0000)."));
        else if (value.Contains('\uFFFD')) errors.Add(new(row.Line, field, "is not valid UTF-8."));
        return value;
    }
}
