using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Routing.Engine.Calendars;
using Routing.Engine.Departments;
using Routing.Engine.Lifecycles;
using Routing.Engine.Notifications;

namespace Routing.Rules.Rulesets;

/// The JSON Schema (draft 2020-12) of a ruleset as admins write it — the body of a draft
/// (POST /api/rules/versions) and, under $defs, each of the files in rules/ — exported from the
/// very types and serializer options RulesetCompiler reads a ruleset with, so the schema cannot
/// say other than the server. The server checks more than a schema can (rule expressions,
/// names that must exist, a lifecycle's graph); the schema catches the shape and the closed lists.
internal static class RulesetSchema
{
    public const string Id = "https://routing.example/rules/ruleset.schema.json";

    public static readonly Lazy<string> Text = new(() => Format(Build()));

    /// Each rules file's own schema, whose root is that file: VS Code ignores a fragment
    /// (`ruleset.schema.json#/$defs/departments`) in a file's `$schema` (microsoft/vscode#179270).
    public static readonly Lazy<IReadOnlyDictionary<RulesFile, string>> FileTexts =
        new(() => RulesFile.All.ToDictionary(f => f, f => Format(BuildFile(f))));

    const string DescriptionWorkflows = "The RulesEngine workflows: exactly one named Routing and one named Priority (rules/routing.json).";
    const string DescriptionDepartments = "The departments work items are routed to; exactly one of kind triage (rules/departments.json).";
    const string DescriptionLifecycles = "The lifecycles work items follow; departments name them (rules/lifecycles.json). Left out: the active version's.";
    const string DescriptionCalendars = "The working-time calendars departments' due times count on (rules/calendars.json). Left out: the active version's.";
    const string DescriptionSchema = "This schema's address, for editors; ignored by the server.";

    public static JsonObject Build()
    {
        var defs = new JsonObject();
        foreach (var file in RulesFile.All) defs[file.Part] = Part(file, $"#/$defs/{file.Part}");
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "Routing ruleset",
            ["description"] = "A ruleset as POST /api/rules/versions takes it. Each file in rules/ is one of its parts: $defs/workflows, $defs/departments, $defs/lifecycles, $defs/calendars.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["$schema"] = new JsonObject { ["type"] = "string", ["description"] = DescriptionSchema },
                ["workflows"] = new JsonObject { ["$ref"] = "#/$defs/workflows", ["description"] = DescriptionWorkflows },
                ["departments"] = new JsonObject { ["$ref"] = "#/$defs/departments", ["description"] = DescriptionDepartments },
                ["lifecycles"] = new JsonObject { ["$ref"] = "#/$defs/lifecycles", ["description"] = DescriptionLifecycles },
                ["calendars"] = new JsonObject { ["$ref"] = "#/$defs/calendars", ["description"] = DescriptionCalendars },
            },
            ["required"] = new JsonArray("workflows", "departments"),
            ["additionalProperties"] = false,
            ["$defs"] = defs,
        };
    }

    /// The schema of one rules file: `{ "$schema": …, "<part>": [ … ] }`, the part as in the ruleset's schema.
    public static JsonObject BuildFile(RulesFile file) => new()
    {
        ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
        ["$id"] = $"https://routing.example/rules/{RulesFile.SchemasFolder}/{file.SchemaFileName}",
        ["title"] = $"Routing {file.Part} ({file.FileName})",
        ["description"] = $"A rules folder's {file.FileName}: the {file.Part} of a ruleset, as the host seeds them and rules validate, pull and push read and write them.",
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["$schema"] = new JsonObject { ["type"] = "string", ["description"] = DescriptionSchema, ["examples"] = new JsonArray(file.SchemaAddress) },
            [file.Part] = Part(file, $"#/properties/{file.Part}"),
        },
        ["required"] = new JsonArray(file.Part),
        ["additionalProperties"] = false,
    };

    static string Format(JsonObject schema) =>
        schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";

    /// A part's schema, exported from the type and options RulesetCompiler reads it with; `root` is where it sits.
    static JsonNode Part(RulesFile file, string root) => file.Part switch
    {
        "workflows" => Export<List<DescribedWorkflow>>(root, RulesEngineJson.Options, DescriptionWorkflows),
        "departments" => Export<List<Department>>(root, RulesetCompiler.DepartmentJson, DescriptionDepartments),
        "lifecycles" => Export<List<Lifecycle>>(root, RulesetCompiler.LifecycleJson, DescriptionLifecycles),
        _ => Export<List<CalendarDefinition>>(root, RulesetCompiler.LifecycleJson, DescriptionCalendars),
    };

    static JsonNode Export<T>(string root, JsonSerializerOptions options, string description)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) =>
            {
                if (node is not JsonObject schema || context.PropertyInfo is not { } property) return node;
                if (property.DeclaringType == typeof(RulesEngine.Models.Rule) && property.Name == "Properties") return RuleProperties();
                if (property.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), true) is [System.ComponentModel.DescriptionAttribute said, ..])
                    schema.Insert(0, "description", said.Description);
                else if ((property.DeclaringType.Namespace == "RulesEngine.Models" || property.DeclaringType.IsSubclassOf(typeof(RulesEngine.Models.Workflow))) && (RulesEngineMembers.TryGetValue($"{property.DeclaringType.Name}.{property.Name}", out var described)
                         || RulesEngineMembers.TryGetValue(property.Name, out described)))
                    schema.Insert(0, "description", described);
                if (Enums.TryGetValue((property.DeclaringType, property.Name), out var values))
                {
                    var target = schema["items"] as JsonObject ?? schema;
                    JsonArray allowed = [.. values.Select(v => (JsonNode)v)];
                    // A member that may be left out (null) keeps null among its values.
                    if (target["type"] is JsonArray types && types.Any(t => (string?)t == "null")) allowed.Add(null);
                    target["enum"] = allowed;
                }
                return node;
            },
        };
        var exported = JsonSchemaExporter.GetJsonSchemaAsNode(Resolving(options), typeof(T), exporter);
        if (exported is JsonObject o) o.Insert(0, "description", description);
        Rebase(exported, root);
        // The departments are read leniently and then checked (RulesetCompiler.CheckDepartments): these it refuses when missing.
        if (typeof(T) == typeof(List<Department>) && exported["items"] is JsonObject department)
            department["required"] = new JsonArray("id", "name", "kind");
        return exported;
    }

    /// A rule's Properties: the route details RouteSpec reads, and no other.
    static JsonObject RuleProperties()
    {
        var properties = new JsonObject();
        foreach (var (name, description) in RouteSpec.Described)
        {
            JsonObject property = name switch
            {
                "priority" => new() { ["enum"] = new JsonArray([.. RoutingWorkflows.Priorities.Select(p => (JsonNode)p)]) },
                "notify" => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                "time" => new()
                {
                    ["type"] = "object",
                    ["propertyNames"] = new JsonObject { ["enum"] = new JsonArray([.. RouteSpec.Windows.Select(w => (JsonNode)w)]) },
                    ["additionalProperties"] = new JsonObject { ["enum"] = new JsonArray(RouteSpec.Business, RouteSpec.CalendarTime) },
                    ["examples"] = new JsonArray(new JsonObject { ["resolutionCheckAfter"] = RouteSpec.CalendarTime }),
                },
                _ when RouteSpec.Windows.Contains(name) => new() { ["type"] = "string", ["examples"] = new JsonArray("PT4H", "P2D") },
                _ => new() { ["type"] = "string" },
            };
            property.Insert(0, "description", description);
            properties[name] = property;
        }
        return new JsonObject
        {
            ["description"] = "What the rule decides when it matches.",
            ["type"] = new JsonArray("object", "null"),
            ["properties"] = properties,
            ["additionalProperties"] = false,
            ["examples"] = new JsonArray(new JsonObject { ["department"] = "logistics" }, new JsonObject { ["priority"] = "P1", ["ackWithin"] = "PT4H", ["resolveWithin"] = "P2D" }),
        };
    }

    // The exporter's references point into the part's own schema, which sits under $defs here.
    static void Rebase(JsonNode? node, string root)
    {
        if (node is JsonObject o)
        {
            if (o["$ref"] is JsonValue r && r.GetValue<string>() is ['#', .. var rest] && !rest.StartsWith("/$defs/")) o["$ref"] = root + rest;
            foreach (var (_, child) in o.ToList()) Rebase(child, root);
        }
        else if (node is JsonArray a)
            foreach (var child in a) Rebase(child, root);
    }

    // Options used before are read-only with their resolver; fresh ones get the default resolver, as serializing gives them.
    static JsonSerializerOptions Resolving(JsonSerializerOptions options) =>
        options.TypeInfoResolver is not null ? options : new JsonSerializerOptions(options) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };

    // RulesEngine's own members (its types are not ours to describe with attributes).
    static readonly Dictionary<string, string> RulesEngineMembers = new()
    {
        ["WorkflowName"] = "Routing (which departments act) or Priority (how urgent); Routing evaluates these two only.",
        ["Rules"] = "The rules; in Routing every matching rule adds a route. Nested in a rule: joined by Operator.",
        ["GlobalParams"] = "Named expressions every rule of the workflow can use.",
        ["LocalParams"] = "Named expressions this rule's expression can use.",
        ["RuleName"] = "The rule's name, unique across the ruleset; routes give it as their reason.",
        ["Expression"] = "A C# expression on `report` (its Category, Severity, Segment…) and the params' names.",
        ["Operator"] = "And, AndAlso, Or or OrElse: how nested Rules are joined.",
        ["Enabled"] = "false: the rule is kept and not evaluated.",
        ["SuccessEvent"] = "Said as the route's reason when the rule matches.",
        ["ErrorMessage"] = "Said when the rule fails.",
        ["Name"] = "The name expressions use.",
        ["RuleExpressionType"] = "LambdaExpression, the only type RulesEngine has.",
        ["WorkflowsToInject"] = "Not supported by Routing: refused.",
        ["WorkflowRulesToInject"] = "WorkflowsToInject's former name; not supported by Routing: refused.",
        ["Actions"] = "Not supported by Routing: refused (a route comes from the rule's Properties).",
        ["OnSuccess"] = "Not supported by Routing: refused.",
        ["OnFailure"] = "Not supported by Routing: refused.",
        ["ActionInfo.Name"] = "The RulesEngine action to run; not supported by Routing: refused.",
        ["Context"] = "The action's arguments; not supported by Routing: refused.",
    };

    // The closed lists the server checks a ruleset against, by the member that holds them.
    static readonly Dictionary<(Type, string), string[]> Enums = new()
    {
        [(typeof(Department), "kind")] = Department.Kinds,
        [(typeof(EmailSubscription), "events")] = [.. NotificationEvents.All],
        [(typeof(EmailSubscription), "digest")] = EmailSubscription.Digests,
        [(typeof(LifecycleState), "kind")] = LifecycleState.Kinds,
        [(typeof(LifecycleState), "due")] = LifecycleState.Dues,
        [(typeof(LifecycleField), "type")] = LifecycleField.Types,
        [(typeof(LifecycleAction), "by")] = LifecycleAction.Takers,
        [(typeof(TimedStep), "at")] = TimedStep.DueTimes,
    };
}
