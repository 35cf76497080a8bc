using System.Text.Json.Nodes;
using Routing.Rules.Rulesets;

namespace Routing.Host.Cli;

/// A rules folder as the host seeds from it and `rules validate` checks it: routing.json,
/// departments.json, lifecycles.json and calendars.json, each naming its schema in schemas/.
/// `rules pull` writes one; `rules diff` and `rules push` read one as a draft's body.
internal static class RulesFolder
{
    /// Writes the parts of a ruleset (as the API shows a version) and the files' schemas; the files written.
    public static async Task<IReadOnlyList<string>> WriteAsync(string folder, JsonNode ruleset, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var file in RulesFile.All)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file.FileName), file.Write(ruleset[file.Part]?.ToJsonString() ?? "[]"), ct);
            written.Add(file.FileName);
        }
        await WriteSchemasAsync(folder, ct);
        return written;
    }

    /// Each file's schema into the folder's schemas/, where the files' `$schema` points.
    public static async Task WriteSchemasAsync(string folder, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.Combine(folder, RulesFile.SchemasFolder));
        foreach (var (file, schema) in RulesetSchema.FileTexts.Value)
            await File.WriteAllTextAsync(Path.Combine(folder, RulesFile.SchemasFolder, file.SchemaFileName), schema, ct);
    }

    /// The folder as a draft's body (POST /api/rules/versions): workflows and departments, and the
    /// lifecycles and calendars when the folder has them (else the active version's are kept); or
    /// the problems, one per file, naming it.
    public static async Task<(JsonObject? Draft, IReadOnlyList<string> Problems)> ReadAsync(string folder, CancellationToken ct)
    {
        var draft = new JsonObject();
        var problems = new List<string>();
        foreach (var file in RulesFile.All)
        {
            var path = Path.Combine(folder, file.FileName);
            if (!File.Exists(path))
            {
                if (file == RulesFile.Workflows || file == RulesFile.Departments) problems.Add($"{path}: missing.");
                continue;
            }
            var (json, problem) = file.Read(await File.ReadAllTextAsync(path, ct));
            try
            {
                if (problem is null) draft[file.Part] = JsonNode.Parse(json!);
                else problems.Add($"{path}: {problem.Message}");
            }
            catch (System.Text.Json.JsonException e)
            {
                problems.Add($"{path}: not JSON: {e.Message}");
            }
        }
        return problems.Count > 0 ? (null, problems) : (draft, problems);
    }
}
