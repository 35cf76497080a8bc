using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;

namespace Routing.Host.Pages;

/// A time as the console shows it: readable and in UTC as the server writes it, inside a
/// `<time>` whose ISO value local-time.js turns into the reader's own time zone and language.
/// Without the script (or before it runs) the UTC text still reads well.
public static partial class LocalTime
{
    /// "28 Nov 2026, 14:03 UTC".
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// `<time datetime="2026-11-28T14:03:00.0000000Z" data-local>28 Nov 2026, 14:03 UTC</time>`
    public static IHtmlContent Tag(DateTimeOffset at) =>
        new HtmlString($"<time datetime=\"{at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)}\" data-local>{Text(at)}</time>");

    /// A sentence (a history event's, written for the API with ISO times) with each time in it shown as above.
    public static IHtmlContent InText(string sentence)
    {
        var html = new HtmlContentBuilder();
        var at = 0;
        foreach (Match m in IsoTime().Matches(sentence))
        {
            if (!DateTimeOffset.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) continue;
            html.Append(sentence[at..m.Index]).AppendHtml(Tag(time));
            at = m.Index + m.Length;
        }
        return html.Append(sentence[at..]);
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex IsoTime();
}
