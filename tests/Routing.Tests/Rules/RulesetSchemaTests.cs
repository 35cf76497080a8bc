extern alias JsonSchemaNet;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JsonSchemaNet::Json.Schema;
using Routing.Rules.Rulesets;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Rules;

/// The ruleset's JSON Schema says what the server accepts: the shipped rules and a draft valid by
/// the schema are accepted; what the schema refuses, the server refuses (422). Checked with a real
/// JSON Schema validator. The provider does not matter: SQLite only.
public sealed class RulesetSchemaTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    static readonly string Committed = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "rules", "ruleset.schema.json"));
    static readonly JsonSchema Schema = JsonSchema.FromText(RulesetSchema.Text.Value);

    static string Shipped(string file) => File.ReadAllText(Path.Combine(RepositoryFolder.Root, "rules", file));
    static JsonArray ShippedPart(string file) => TestRules.Part(Path.Combine(RepositoryFolder.Root, "rules", file));

    /// The whole shipped ruleset as a draft body, naming the schema as an editor would.
    static JsonObject ShippedBody() => new()
    {
        ["$schema"] = RulesetSchema.Id,
        ["workflows"] = ShippedPart("routing.json"),
        ["departments"] = ShippedPart("departments.json"),
        ["lifecycles"] = ShippedPart("lifecycles.json"),
        ["calendars"] = ShippedPart("calendars.json"),
    };

    static EvaluationResults Evaluate(JsonNode body) =>
        Schema.Evaluate(JsonDocument.Parse(body.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void The_committed_schema_is_the_one_the_server_generates()
    {
        // Regenerate with: dotnet run --project host -- rules schema > rules/ruleset.schema.json
        Assert.Equal(RulesetSchema.Text.Value, Committed.ReplaceLineEndings("\n"));
    }

    public static TheoryData<string> Files => [.. RulesFile.All.Select(f => f.FileName)];

    static RulesFile RulesFileNamed(string name) => RulesFile.All.Single(f => f.FileName == name);

    // Each built once: a schema's $id is registered when it is built.
    static readonly Dictionary<string, JsonSchema> CommittedFileSchemas = RulesFile.All.ToDictionary(f => f.FileName,
        f => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepositoryFolder.Root, "rules", RulesFile.SchemasFolder, f.SchemaFileName))));

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_file_s_committed_schema_is_the_one_the_server_generates(string file)
    {
        // Regenerate with: dotnet run --project host -- rules schema rules
        var committed = File.ReadAllText(Path.Combine(RepositoryFolder.Root, "rules", RulesFile.SchemasFolder, RulesFileNamed(file).SchemaFileName));
        Assert.Equal(RulesetSchema.FileTexts.Value[RulesFileNamed(file)], committed.ReplaceLineEndings("\n"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Each_shipped_file_names_its_own_schema_and_is_valid_by_it(string file)
    {
        var text = Shipped(file);
        var named = (string?)JsonNode.Parse(text)!["$schema"];
        Assert.Equal(RulesFileNamed(file).SchemaAddress, named);
        // Where VS Code looks for it: relative to the file.
        var schemaFile = Path.GetFullPath(Path.Combine(RepositoryFolder.Root, "rules", named!));
        Assert.True(File.Exists(schemaFile), $"{file} names {named}, which is not there");

        Assert.Equal(RulesFileNamed(file).SchemaFileName, Path.GetFileName(schemaFile));
        var results = CommittedFileSchemas[file].Evaluate(JsonDocument.Parse(text).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void A_file_s_schema_refuses_what_the_server_refuses_in_that_file()
    {
        var departments = JsonNode.Parse(Shipped("departments.json"))!;
        departments["departments"]![0]!["kind"] = "astrology";
        var schema = CommittedFileSchemas[RulesFile.Departments.FileName];

        Assert.False(schema.Evaluate(JsonDocument.Parse(departments.ToJsonString()).RootElement).IsValid);
        departments["departments"]![0]!["kind"] = "internal";
        departments["depts"] = new JsonArray();
        Assert.False(schema.Evaluate(JsonDocument.Parse(departments.ToJsonString()).RootElement).IsValid);
    }

    [Fact]
    public void Every_member_of_every_schema_is_described()
    {
        var undescribed = new[] { ("ruleset.schema.json", RulesetSchema.Text.Value) }
            .Concat(RulesFile.All.Select(f => (f.SchemaFileName, RulesetSchema.FileTexts.Value[f])))
            .SelectMany(s => Undescribed(JsonNode.Parse(s.Item2), s.Item1))
            .ToList();

        Assert.True(undescribed.Count == 0, $"{undescribed.Count} members without a description:\n{string.Join("\n", undescribed)}");
    }

    static IEnumerable<string> Undescribed(JsonNode? node, string at) => node switch
    {
        JsonObject o => (o["properties"] as JsonObject ?? [])
            .Where(p => p.Value is JsonObject member && member["description"] is null)
            .Select(p => $"{at}/properties/{p.Key}")
            .Concat(o.SelectMany(child => Undescribed(child.Value, $"{at}/{child.Key}"))),
        JsonArray a => a.SelectMany((child, i) => Undescribed(child, $"{at}/{i}")),
        _ => [],
    };

    [Fact]
    public async Task Any_role_gets_the_schema_at_api_rules_schema()
    {
        var response = await fixture.Client.GetAsync("/api/rules/schema");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RulesetSchema.Text.Value, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_schema_names_the_closed_lists_the_server_checks()
    {
        var defs = JsonNode.Parse(Committed)!["$defs"]!;
        Assert.Equal(["internal", "vendor", "triage"], defs["departments"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => (string?)k));
        Assert.Contains("escalated", defs["departments"]!["items"]!["properties"]!["email"]!["properties"]!["events"]!["items"]!["enum"]!.AsArray().Select(k => (string?)k));
        Assert.Contains("escalates", (string?)defs["departments"]!["items"]!["properties"]!["escalateTo"]!["description"]);
        Assert.Equal(["open", "waiting", "final"], defs["lifecycles"]!["items"]!["properties"]!["states"]!["items"]!["properties"]!["kind"]!["enum"]!.AsArray().Select(k => (string?)k));
        Assert.Equal(["ackDueAt", "resolveDueAt", null], defs["lifecycles"]!["items"]!["properties"]!["timedSteps"]!["items"]!["properties"]!["at"]!["enum"]!.AsArray().Select(k => (string?)k));
    }

    [Fact]
    public async Task The_shipped_rules_are_valid_by_the_schema_and_a_draft_of_them_naming_it_is_accepted()
    {
        var body = ShippedBody();
        var results = Evaluate(body);
        Assert.True(results.IsValid, Errors(results));

        var response = await fixture.Client.PostAsJsonAsync("/api/rules/versions", body);

        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static TheoryData<string> Mistakes => ["unknown kind", "misspelt member", "Enabled as text", "unknown state kind", "unknown digest", "unknown event", "unknown rule property", "unknown priority", "unknown time", "department without kind"];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task A_draft_the_schema_refuses_the_server_refuses(string mistake)
    {
        var body = ShippedBody();
        var department = body["departments"]![0]!.AsObject();
        switch (mistake)
        {
            case "unknown kind": department["kind"] = "astrology"; break;
            case "misspelt member": department["escalate_to"] = "triage"; break;
            case "Enabled as text": body.Rule("QualityDefectToManufacturing")["Enabled"] = "yes"; break;
            case "unknown state kind": body["lifecycles"]![0]!["states"]![0]!["kind"] = "paused"; break;
            case "unknown digest": department["email"] = new JsonObject { ["digest"] = "weekly" }; break;
            case "unknown rule property": body.Rule("QualityDefectToManufacturing")["Properties"]!["departement"] = "rnd"; break;
            case "unknown priority": body.Rule("HighSeverity")["Properties"]!["priority"] = "P9"; break;
            case "unknown time": body.Rule("HighSeverity")["Properties"]!["time"] = new JsonObject { ["ackWithin"] = "weekdays" }; break;
            case "department without kind": department.Remove("kind"); break;
            case "unknown event": department["email"] = new JsonObject { ["events"] = new JsonArray("routed", "lunch") }; break;
        }
        Assert.False(Evaluate(body).IsValid, $"the schema accepts the {mistake}");

        var response = await fixture.Client.PostAsJsonAsync("/api/rules/versions", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task A_draft_with_a_part_the_schema_does_not_know_is_refused_as_every_body_with_an_unknown_member_is()
    {
        var body = ShippedBody();
        body["rules"] = new JsonArray();
        Assert.False(Evaluate(body).IsValid);

        var response = await fixture.Client.PostAsJsonAsync("/api/rules/versions", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
