using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Api;

/// /openapi/v1.json as a client generator reads it: every operation named, summarized, its body
/// and each answer typed; who may call it; the values and types the server takes; nothing of the
/// console; no .NET names.
public sealed class OpenApiDocumentTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    // POSTs that read no body: they act on what the path names.
    static readonly string[] WithoutBody = ["publishRulesetVersion", "replayRulesetVersion", "scanPatterns"];

    async Task<JsonNode> DocumentAsync() =>
        JsonNode.Parse(await fixture.App.ClientWithKey(null).GetStringAsync("/openapi/v1.json"))!;

    static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject()
            .Where(m => Methods.Contains(m.Key)).Select(m => (p.Key, m.Key, m.Value!)));

    [Fact]
    public async Task Every_operation_has_a_camel_case_id_a_summary_a_described_tag_and_a_typed_answer_for_each_status()
    {
        var document = await DocumentAsync();
        var tags = document["tags"]!.AsArray().Where(t => t!["description"] is not null).Select(t => (string)t!["name"]!).ToHashSet();
        var wrong = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var at = $"{method.ToUpperInvariant()} {path}";
            if (operation["operationId"]?.GetValue<string>() is not { } id || !Regex.IsMatch(id, "^[a-z][A-Za-z]+$")) wrong.Add($"{at}: operationId");
            if (string.IsNullOrWhiteSpace((string?)operation["summary"])) wrong.Add($"{at}: summary");
            if (operation["tags"]?.AsArray().Select(t => (string)t!).ToList() is not [var tag] || !tags.Contains(tag)) wrong.Add($"{at}: one described tag");
            var responses = operation["responses"]!.AsObject();
            if (!responses.Any(r => r.Key.StartsWith('2'))) wrong.Add($"{at}: no success answer");
            foreach (var (status, response) in responses.Where(r => r.Key != "204"))
            {
                var content = response!["content"]?.AsObject();
                if (content is null || content.Count == 0 || content.Any(c => c.Value!["schema"] is null)) wrong.Add($"{at} {status}: no schema");
                if (!status.StartsWith('2') && content?.Select(c => c.Key).SequenceEqual(["application/problem+json"]) != true)
                    wrong.Add($"{at} {status}: not application/problem+json");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        var ids = Operations(document).Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("submitReport", ids);
        Assert.Contains("getWorkItem", ids);
    }

    [Fact]
    public async Task Every_post_declares_the_body_it_reads_with_a_schema()
    {
        var document = await DocumentAsync();
        var posts = Operations(document).Where(o => o.Method is "post" or "put" or "patch").ToList();
        Assert.NotEmpty(posts);
        foreach (var (path, _, operation) in posts.Where(o => !WithoutBody.Contains((string)o.Operation["operationId"]!)))
        {
            var content = operation["requestBody"]?["content"]?.AsObject();
            Assert.True(content is { Count: > 0 } && content.All(c => c.Value!["schema"] is not null), $"POST {path} declares no body schema");
        }
        // The JSON bodies are components a generator names.
        Assert.Equal("#/components/schemas/WorkItemAction",
            (string)document["paths"]!["/api/work-items/{id}/{action}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
    }

    [Fact]
    public async Task Bodies_read_by_hand_declare_what_reading_them_can_answer_and_the_statuses_are_the_servers()
    {
        var document = await DocumentAsync();
        string[] Statuses(string path, string method) =>
            [.. document["paths"]![path]![method]!["responses"]!.AsObject().Select(r => r.Key).Order()];

        Assert.Equal(["201", "400", "401", "403", "409", "413", "415", "422", "429", "503"], Statuses("/api/reports", "post"));
        Assert.Equal(["200", "401", "404", "429", "503"], Statuses("/api/reports/{id}", "get"));
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "503"], Statuses("/api/work-items/{id}/{action}", "post"));
        Assert.Equal(["201", "400", "401", "403", "413", "415", "422", "429", "503"], Statuses("/api/keys", "post"));
        Assert.Equal(["204", "401", "403", "404", "409", "429", "503"], Statuses("/api/keys/{id}", "delete"));
        Assert.Equal(["201", "400", "401", "403", "413", "415", "422", "429", "503"], Statuses("/api/rules/versions", "post"));
        // A 400 or 422 names the fields: the validation problem's `errors`.
        var validation = document["components"]!["schemas"]!["ValidationProblemDetails"]!;
        Assert.NotNull(validation["properties"]!["errors"]);
        Assert.Equal("#/components/schemas/ValidationProblemDetails",
            (string)document["paths"]!["/api/reports"]!["post"]!["responses"]!["422"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.Equal("#/components/schemas/ReportReceipt",
            (string)document["paths"]!["/api/reports"]!["post"]!["responses"]!["201"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
    }

    [Fact]
    public async Task Both_key_schemes_are_declared_and_every_operation_takes_either()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", (string)schemes["bearer"]!["type"]!);
        Assert.Equal("bearer", (string)schemes["bearer"]!["scheme"]!);
        Assert.Equal("apiKey", (string)schemes["apiKey"]!["type"]!);
        Assert.Equal("header", (string)schemes["apiKey"]!["in"]!);
        Assert.Equal("X-Api-Key", (string)schemes["apiKey"]!["name"]!);
        foreach (var (path, method, operation) in Operations(document))
        {
            var alternatives = operation["security"]!.AsArray().Select(r => r!.AsObject().Select(s => s.Key).Single()).Order();
            Assert.True(alternatives.SequenceEqual(["apiKey", "bearer"]), $"{method} {path}: security {operation["security"]!.ToJsonString()}");
            Assert.NotNull(operation["responses"]!["401"]);
            Assert.NotNull(operation["responses"]!["429"]);
        }
    }

    [Fact]
    public async Task The_document_holds_the_api_only()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.All(paths, path => Assert.StartsWith("/api/", path));
        Assert.Contains("/api/reports", paths);
    }

    [Fact]
    public async Task Schemas_are_named_in_the_users_words()
    {
        var names = (await DocumentAsync())["components"]!["schemas"]!.AsObject().Select(s => s.Key).ToList();
        string[] dotNet = ["JsonElement", "Result", "Body", "Http", "List", "Dictionary", "ReadOnly", "`", "Of"];
        Assert.All(names, name => Assert.DoesNotContain(dotNet, word => name.Contains(word, StringComparison.Ordinal)));
        Assert.Superset(new HashSet<string> { "Report", "ReportSubmission", "WorkItem", "HistoryEntry", "ProblemDetails", "ValidationProblemDetails" },
            names.ToHashSet());
    }

    [Fact]
    public async Task A_report_requires_what_intake_requires_and_the_readmes_example_fits_it()
    {
        var document = await DocumentAsync();
        var schema = document["components"]!["schemas"]!["ReportSubmission"]!;
        var required = schema["required"].Strings().Order().ToArray();
        Assert.Equal(["category", "evidence", "product", "reportCount", "severity", "title", "verifiedAt", "verifiedBy"], required);
        var properties = schema["properties"]!.AsObject();
        // Required is never nullable; the optional fields may be left out.
        Assert.All(required, field => Assert.DoesNotContain("null", properties[field]!["type"]!.ToJsonString()));
        Assert.Equal("integer", (string)properties["reportCount"]!["type"]!);
        Assert.Equal(["low", "medium", "high", "critical"], properties["severity"]!["enum"].Strings());
        Assert.Contains("sales-conduct", properties["category"]!["enum"].Strings());

        var example = ReadmeReport.Body();
        Assert.All(example.Select(f => f.Key), field => Assert.True(properties.ContainsKey(field), $"{field} is not in the schema"));
        Assert.All(required, field => Assert.True(example.ContainsKey(field), $"the README's report has no {field}"));
        Assert.DoesNotContain("vendor", example.Select(f => f.Key)); // an optional field it leaves out
        // …and the server takes it.
        using var response = await fixture.Client.PostAsync("/api/reports",
            new StringContent(example.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task The_idempotency_key_header_is_declared_on_submit()
    {
        var parameters = (await DocumentAsync())["paths"]!["/api/reports"]!["post"]!["parameters"]!.AsArray();
        var key = parameters.Single(p => (string)p!["name"]! == "Idempotency-Key")!;
        Assert.Equal("header", (string)key["in"]!);
        Assert.False((bool?)key["required"] ?? false);
        Assert.Equal(200, (int)key["schema"]!["maxLength"]!);
    }

    [Fact]
    public async Task Numbers_are_integers_and_the_servers_words_are_enums()
    {
        var document = await DocumentAsync();
        var text = document.ToJsonString();
        // Not `["integer","string"]` with a digits pattern: numbers are read as numbers only.
        Assert.DoesNotContain("\"string\"],\"format\":\"int", text);
        Assert.DoesNotContain("(?:0|[1-9]\\\\d*)", text);
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal("integer", (string)schemas["WorkItem"]!["properties"]!["version"]!["type"]!);
        Assert.Equal(["P1", "P2", "P3", "P4"], schemas["WorkItem"]!["properties"]!["priority"]!["enum"].Strings());
        Assert.Equal(Routing.Engine.Access.Roles.All, schemas["NewKey"]!["properties"]!["role"]!["enum"].Strings());
        var limit = document["paths"]!["/api/history"]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "limit")!;
        Assert.Contains("integer", limit["schema"]!["type"]!.ToJsonString());
        var format = document["paths"]!["/api/history/export"]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "format")!;
        Assert.Equal(["ndjson", "csv"], format["schema"]!["enum"].Strings());
        // The inbox's states are the active lifecycles' (data, not code): listed as the document is made.
        var state = document["paths"]!["/api/departments/{id}/work-items"]!["get"]!["parameters"]!.AsArray().Single(p => (string)p!["name"]! == "state")!;
        Assert.Superset(new HashSet<string> { "Routed", "Acknowledged", "Resolved" }, state["schema"]!["enum"].Strings().ToHashSet());
    }

    [Fact]
    public async Task A_rulesets_workflows_and_departments_are_typed_and_the_active_one_fits_them()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        foreach (var holder in (string[])["RulesetDetails", "RulesetDraft"])
        {
            Assert.Equal("#/components/schemas/Workflow", (string)schemas[holder]!["properties"]!["workflows"]!["items"]!["$ref"]!);
            Assert.Equal("#/components/schemas/DepartmentDefinition", (string)schemas[holder]!["properties"]!["departments"]!["items"]!["$ref"]!);
        }
        // RulesEngine's reader refuses null for these two: the document must not offer it.
        Assert.Equal("boolean", (string)schemas["Rule"]!["properties"]!["Enabled"]!["type"]!);
        Assert.Equal(["LambdaExpression"], schemas["Rule"]!["properties"]!["RuleExpressionType"]!["enum"].Strings());
        var active = JsonNode.Parse(await fixture.Client.GetStringAsync("/api/rules"))!;
        var workflowRequires = schemas["Workflow"]!["required"].Strings();
        var ruleRequires = schemas["Rule"]!["required"].Strings();
        Assert.All(active["workflows"]!.AsArray(), workflow =>
        {
            Assert.All(workflowRequires, member => Assert.NotNull(workflow![member]));
            Assert.All(workflow!["Rules"]!.AsArray(), rule => Assert.All(ruleRequires, member => Assert.NotNull(rule![member])));
        });
        var kinds = schemas["DepartmentDefinition"]!["properties"]!["kind"]!["enum"].Strings();
        Assert.All(active["departments"]!.AsArray(), department =>
        {
            Assert.All(schemas["DepartmentDefinition"]!["required"].Strings(), member => Assert.NotNull(department![member]));
            Assert.Contains((string)department!["kind"]!, kinds);
        });
    }
}
