using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Routing.Host.Pages.Console;

/// A console page with a form: its problems by field, shown beside the fields.
internal abstract class FormPage : PageModel
{
    public Dictionary<string, string[]> Errors { get; protected set; } = [];

    public string? ErrorOf(string field) => Errors.TryGetValue(field, out var e) ? string.Join(" ", e) : null;
}
