using Microsoft.OpenApi;

namespace Routing.Host.OpenApi;

/// A ruleset's parts as the API takes and shows them (raw JSON to the code, which checks them
/// when a draft is stored): RulesEngine workflows and rules with their documented members,
/// and departments. Members not named here are kept as they are (additionalProperties), so a
/// ruleset read with GET /api/rules goes back as a draft unchanged.
internal static class RulesetSchemas
{
    public const string Workflow = "Workflow", Rule = "Rule", ScopedParam = "ScopedParam", Department = "DepartmentDefinition";

    public static Task AddAsync(OpenApiDocument document, Microsoft.AspNetCore.OpenApi.OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas[ScopedParam] = Object("A named expression a rule's expression can use (RulesEngine's LocalParams / GlobalParams).", ["Name", "Expression"], new()
        {
            ["Name"] = Text(), ["Expression"] = Text(),
        });
        schemas[Rule] = Object("A RulesEngine rule: an expression on `report`, or nested rules joined by Operator; Properties.department routes.", ["RuleName"], new()
        {
            ["RuleName"] = Text(),
            ["Expression"] = Text("A C# expression on `report` (and the LocalParams/GlobalParams names)."),
            ["RuleExpressionType"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = ["LambdaExpression"], Description = "The only type RulesEngine has." },
            ["Operator"] = Text("And, AndAlso, Or or OrElse: how the nested Rules are joined."),
            ["Rules"] = Array(new OpenApiSchemaReference(Rule, document), "Nested rules, joined by Operator."),
            ["LocalParams"] = Array(new OpenApiSchemaReference(ScopedParam, document)),
            ["Properties"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema(),
                Description = "What the rule decides: department, priority, ackWithin, resolveWithin, notify, time (business or calendar time per window)… (see the rules README).",
            },
            ["SuccessEvent"] = Text("Said as the route's reason when the rule matches."),
            ["ErrorMessage"] = Text(),
            ["Enabled"] = new OpenApiSchema { Type = JsonSchemaType.Boolean },
        });
        schemas[Workflow] = Object("A RulesEngine workflow: Routing evaluates the ones named Routing and Priority.", ["WorkflowName", "Rules"], new()
        {
            ["WorkflowName"] = Text(),
            ["Rules"] = Array(new OpenApiSchemaReference(Rule, document)),
            ["GlobalParams"] = Array(new OpenApiSchemaReference(ScopedParam, document)),
        });
        schemas[Department] = Object("A department as a ruleset defines it (a webhook's secret is never shown).", ["id", "name", "kind"], new()
        {
            ["id"] = Text(), ["name"] = Text(),
            ["kind"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Enum = [.. Engine.Departments.Department.Kinds.Select(k => (System.Text.Json.Nodes.JsonNode)k)],
            },
            ["contact"] = Text(), ["escalateTo"] = Text("The department also told when one of this one's items escalates."),
            ["lifecycle"] = Text("The lifecycle its items follow; the standard one when not given."),
            ["calendar"] = Text("The calendar of its working time (GET /api/calendars): its items' due times count on it; none: around the clock."),
            ["webhook"] = new OpenApiSchema { Type = JsonSchemaType.Object, AdditionalProperties = new OpenApiSchema() },
            ["email"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Description = "What the contact (an e-mail address then) gets by e-mail: events as they happen, and/or a digest.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["events"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Array | JsonSchemaType.Null,
                        Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Engine.Notifications.NotificationEvents.All.Select(e => (System.Text.Json.Nodes.JsonNode)e)] },
                    },
                    ["digest"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String | JsonSchemaType.Null,
                        Description = $"A digest of new, due and overdue items: {string.Join(" or ", Engine.Departments.EmailSubscription.Digests)}.",
                    },
                },
            },
        });

        // The ruleset's raw-JSON arrays, where the schemas hold them, itemized.
        foreach (var (holder, property, component) in Itemized)
            if (schemas.TryGetValue(holder, out var held) && held is OpenApiSchema { Properties: { } properties } &&
                properties.TryGetValue(property, out var array) && array is OpenApiSchema concrete)
                concrete.Items = new OpenApiSchemaReference(component, document);
        return Task.CompletedTask;
    }

    static readonly (string Holder, string Property, string Component)[] Itemized =
    [
        ("RulesetDetails", "workflows", Workflow), ("RulesetDetails", "departments", Department),
        ("RulesetDraft", "workflows", Workflow), ("RulesetDraft", "departments", Department),
    ];

    /// An open object: the members not required may be left out or null, as RulesEngine reads them.
    /// Not `RuleExpressionType` nor `Enabled`: RulesEngine's reader refuses null for those.
    static OpenApiSchema Object(string description, string[] required, Dictionary<string, IOpenApiSchema> properties)
    {
        foreach (var (name, property) in properties)
            if (!required.Contains(name) && name is not ("RuleExpressionType" or "Enabled") && property is OpenApiSchema { Type: { } type } optional)
                optional.Type = type | JsonSchemaType.Null;
        return new()
        {
            Type = JsonSchemaType.Object, Description = description, Required = new HashSet<string>(required),
            Properties = properties, AdditionalProperties = new OpenApiSchema(),
        };
    }

    static OpenApiSchema Text(string? description = null) => new() { Type = JsonSchemaType.String, Description = description };

    static OpenApiSchema Array(IOpenApiSchema items, string? description = null) =>
        new() { Type = JsonSchemaType.Array, Items = items, Description = description };
}
