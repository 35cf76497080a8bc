using System.Text.Json;
using System.Text.Json.Nodes;
using Routing.Rules.Rulesets;
using Routing.Engine.Lifecycles;

namespace Routing.Tests.Infrastructure;

/// The rules test hosts run with. Most tests are about routing, timers and the console, not
/// about a trade's lifecycle, so by default every department follows the standard lifecycle
/// (the shipped rules with each department's `lifecycle` taken out); tests of the shipped
/// lifecycles start their host on `Shipped`.
public static class TestRules
{
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "rules");

    static readonly Lazy<string> standard = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("routing-standard-rules-").FullName;
        foreach (var file in Directory.GetFiles(Shipped, "*.json")) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "departments.json"), StandardDepartments(TestRules.PartJson(Path.Combine(Shipped, "departments.json"))));
        return folder;
    });

    /// A copy of the shipped rules where every department follows the standard lifecycle.
    public static string Standard => standard.Value;

    /// Departments JSON with every `lifecycle` taken out, written as it was otherwise.
    public static string StandardDepartments(string departmentsJson) =>
        System.Text.RegularExpressions.Regex.Replace(departmentsJson, @",\s*""lifecycle"":\s*""[^""]*""", "");

    /// A shipped lifecycle as the server reads it.
    public static Lifecycle Lifecycle(string id) =>
        JsonSerializer.Deserialize<List<Lifecycle>>(PartJson(Path.Combine(Shipped, "lifecycles.json")), JsonSerializerOptions.Web)!
            .Single(l => l.Id == id);

    /// A rules file's part (the workflows, departments…) as a ruleset stores it: the array, whether the
    /// file is written `{ "$schema": …, "departments": [ … ] }` (as shipped) or as the bare array.
    public static string PartJson(string path) =>
        RulesFile.All.Single(f => f.FileName == Path.GetFileName(path)).ReadOrThrow(File.ReadAllText(path), path);

    public static JsonArray Part(string path) => JsonNode.Parse(PartJson(path))!.AsArray();
}
