using System.Text.Json.Serialization;

namespace Routing.Engine.Lifecycles;

/// A field an action records: `rootCause.method` of type choice, say. Types: text, choice (one of
/// `choices`), date (YYYY-MM-DD), person (a name or an e-mail address), list (one or more lines
/// of text). Required unless `optional`.
public sealed record LifecycleField(
    [property: System.ComponentModel.Description("The field's name, e.g. rootCause.method; unique in the action.")] string Name,
    [property: System.ComponentModel.Description("text, choice (one of choices), date (YYYY-MM-DD), person (a name or an e-mail address) or list (one or more lines of text).")] string Type,
    [property: System.ComponentModel.Description("Its label in the form; the name when not given.")] string? Label = null,
    [property: System.ComponentModel.Description("The values a choice may take.")] IReadOnlyList<string>? Choices = null,
    [property: System.ComponentModel.Description("true: the action can be taken without it.")] bool Optional = false,
    [property: System.ComponentModel.Description("A hint shown under the field.")] string? Help = null)
{
    public const string Text = "text";
    public const string Choice = "choice";
    public const string Date = "date";
    public const string Person = "person";
    public const string List = "list";
    public static readonly string[] Types = [Text, Choice, Date, Person, List];

    [JsonIgnore] public string Words => Label ?? Name;
}
