using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Routing.Rules.Rulesets;

/// A file of a rules folder, one part of a ruleset: routing.json (the workflows), departments.json,
/// lifecycles.json or calendars.json. Written as `{ "$schema": "./schemas/departments.schema.json",
/// "departments": [ … ] }` so that an editor (VS Code) finds the file's own schema and validates
/// and completes it; read that way, or as the bare array rules folders held before.
internal sealed record RulesFile(string Part, string FileName)
{
    public static readonly RulesFile Workflows = new("workflows", RulesOptions.WorkflowsFile);
    public static readonly RulesFile Departments = new("departments", RulesOptions.DepartmentsFile);
    public static readonly RulesFile Lifecycles = new("lifecycles", RulesOptions.LifecyclesFile);
    public static readonly RulesFile Calendars = new("calendars", RulesOptions.CalendarsFile);
    public static readonly IReadOnlyList<RulesFile> All = [Workflows, Departments, Lifecycles, Calendars];

    /// Where a rules folder keeps the files' schemas, beside them.
    public const string SchemasFolder = "schemas";

    /// routing.schema.json, departments.schema.json…
    public string SchemaFileName => Path.GetFileNameWithoutExtension(FileName) + ".schema.json";

    /// The schema's address as the file names it, relative to the file (as VS Code resolves it).
    public string SchemaAddress => $"./{SchemasFolder}/{SchemaFileName}";

    static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// The part's array as JSON, as a ruleset stores it; or the problem, naming the part. Text that
    /// is not JSON, or an array, is given back as it is: the ruleset's check says what is wrong with it.
    public (string? Json, RuleError? Problem) Read(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return (text, null);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (text, null);
            string? array = null;
            foreach (var member in document.RootElement.EnumerateObject())
            {
                if (member.Name == Part) array = member.Value.GetRawText();
                else if (member.Name != "$schema")
                    return (null, new(Part, $"{FileName} holds \"$schema\" and \"{Part}\"; '{member.Name}' is not known."));
            }
            return array is null ? (null, new(Part, $"{FileName} has no \"{Part}\": write {{ \"$schema\": \"{SchemaAddress}\", \"{Part}\": [ … ] }}.")) : (array, null);
        }
    }

    /// The part's array as JSON, or an InvalidDataException naming the file and the problem.
    public string ReadOrThrow(string text, string path)
    {
        var (json, problem) = Read(text);
        return json ?? throw new InvalidDataException($"{path}: {problem!.Message}");
    }

    /// The file's text for the part's array (JSON), naming its schema.
    public string Write(string arrayJson) => new JsonObject
    {
        ["$schema"] = SchemaAddress,
        [Part] = JsonNode.Parse(arrayJson),
    }.ToJsonString(Indented) + "\n";
}
