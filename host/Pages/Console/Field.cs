namespace Routing.Host.Pages.Console;

/// A labelled form control with its error, for the _Field partial. `Name` is its id and,
/// unless `InputName` says otherwise, the name it is posted under.
internal sealed record Field(string Name, string Label, string? Value, string? Error, string Type = "text", bool Required = false, string? Hint = null,
    string? InputName = null);
