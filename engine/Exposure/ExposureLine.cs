using System.Globalization;
using Routing.Engine.Imports;

namespace Routing.Engine.Exposure;

/// One line of a units-sold import made a row, or the reasons it cannot be one. Required:
/// product, region, month (YYYY-MM), unitsSold (a whole number, 0 or more).
internal static class ExposureLine
{
    public static readonly string[] Fields = ["product", "region", "month", "unitsSold"];

    const int MaxName = 200;

    public static (MonthlySales? Sales, List<ImportError> Errors) Read(ImportRow row)
    {
        if (row.Unreadable is { } unreadable) return (null, [unreadable]);
        var errors = new List<ImportError>();
        string? Text(string field) => LineText.Read(row, field, true, MaxName, errors);

        var product = Text("product");
        var region = Text("region");
        var month = Month(row, errors);
        long units = 0;
        if (row["unitsSold"] is not { } text) errors.Add(new(row.Line, "unitsSold", "is required."));
        else if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out units))
            errors.Add(new(row.Line, "unitsSold", "must be a whole number, 0 or more."));
        if (errors.Count > 0) return (null, errors);
        return (new MonthlySales { Product = product!, Region = region!, Month = month, UnitsSold = units }, errors);
    }

    /// YYYY-MM as yyyymm.
    static int Month(ImportRow row, List<ImportError> errors)
    {
        if (row["month"] is not { } text)
        {
            errors.Add(new(row.Line, "month", "is required."));
            return 0;
        }
        if (text.Length == 7 && text[4] == '-'
            && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1900
            && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            return year * 100 + month;
        errors.Add(new(row.Line, "month", "must be a month as YYYY-MM, e.g. 2026-11."));
        return 0;
    }
}
