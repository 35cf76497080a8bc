using System.Text.Json.Serialization;

namespace Routing.Engine.Lifecycles;

/// A field an action records: `rootCause.method` of type choice, say. Types: text, choice (one of
/// `choices`), date (YYYY-MM-DD), person (a name or an e-mail address), list (one or more lines
/// of text). Required unless `optional`.
public sealed record LifecycleField(
    string Name,
    string Type,
    string? Label = null,
    IReadOnlyList<string>? Choices = null,
    bool Optional = false,
    string? Help = null)
{
    public const string Text = "text";
    public const string Choice = "choice";
    public const string Date = "date";
    public const string Person = "person";
    public const string List = "list";
    public static readonly string[] Types = [Text, Choice, Date, Person, List];

    [JsonIgnore] public string Words => Label ?? Name;
}
