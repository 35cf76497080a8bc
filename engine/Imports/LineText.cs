namespace Routing.Engine.Imports;

/// A text field of an import line, checked alike for every kind: present when required, not
/// too long, and without the NUL character (PostgreSQL refuses it in text).
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
        return value;
    }
}
