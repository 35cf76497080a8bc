using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Routing.Engine.Access;
using Routing.Engine.Effectiveness;
using Routing.Engine.Patterns;
using Routing.Engine.Reports;
using Routing.Host.Access;
using Routing.Host.History;
using Routing.Host.Patterns;
using Routing.Host.Reports;
using Routing.Host.Rules;
using Routing.Host.WorkItems;
using Routing.Host.Departments;
using Routing.Host.Lifecycles;
using Routing.Rules.Rulesets;

namespace Routing.Host.OpenApi;

/// The schemas as a client generator needs them: named in the users' words, with the values the
/// server takes listed (enums), and a request's fields required exactly when the server refuses
/// the request without them. The request records are all-nullable in C# because the server reads
/// them loosely and then names every missing field at once (a 422); the document says what it checks.
internal static class ApiSchemas
{
    /// Names for types whose .NET name says nothing, says .NET, or ends in the code's "Body".
    static readonly Dictionary<Type, string> Names = new()
    {
        [typeof(ReportQuery.Body)] = "Report",
        [typeof(ReportQuery.Segment)] = "ReportSegment",
        [typeof(ReportQuery.Reason)] = "RoutingReason",
        [typeof(ReportQuery.RoutedItem)] = "RoutedWorkItem",
        [typeof(Routing.Engine.History.HistoryVerifier.Result)] = "HistoryVerification",
        [typeof(HistoryApi.Page)] = "HistoryPage",
        [typeof(HistoryEntryBody)] = "HistoryEntry",
        [typeof(PatternsApi.Detail)] = "PatternDetail",
        [typeof(PatternScanResult)] = "PatternScan",
        [typeof(PatternBody)] = "Pattern",
        [typeof(PatternBody.SegmentBody)] = "PatternSegment",
        [typeof(PatternBody.DismissalBody)] = "PatternDismissed",
        [typeof(HttpValidationProblemDetails)] = ApiProblems.ValidationProblemSchema,
        [typeof(RulesApi.DraftBody)] = "RulesetDraft",
        [typeof(RulesApi.Drafted)] = "RulesetDrafted",
        [typeof(Published)] = "RulesetPublished",
        [typeof(RulesSimulationApi.SimulationBody)] = "SimulationRequest",
        [typeof(RuleExpressionCheck.ExpressionBody)] = "RuleExpression",
        [typeof(RuleExpressionCheck.ExpressionChecked)] = "RuleExpressionChecked",
        [typeof(WorkItemBody)] = "WorkItem",
        [typeof(WorkItemBody.LifecycleRef)] = "WorkItemLifecycle",
        [typeof(WorkItemBody.CalendarRef)] = "WorkItemCalendar",
        [typeof(WorkItemActionsApi.ActionBody)] = "WorkItemAction",
        [typeof(EffectivenessApi.DecisionBody)] = "EffectivenessDecision",
        [typeof(EffectivenessBody)] = "Effectiveness",
        [typeof(EffectivenessBody.CriterionBody)] = "EffectivenessCriterion",
        [typeof(EffectivenessBody.RateBody)] = "EffectivenessRate",
        [typeof(EffectivenessBody.SegmentBody)] = "EffectivenessSegment",
        [typeof(EffectivenessBody.MonthBody)] = "EffectivenessMonth",
        [typeof(KeysApi.NewKey)] = "NewKey",
        [typeof(KeysApi.KeyBody)] = "Key",
        [typeof(ApiKeyService.Created)] = "CreatedKey",
        [typeof(Departments.DepartmentsApi.DepartmentBody)] = "Department",
        [typeof(Lifecycles.LifecyclesApi.LifecycleBody)] = "LifecycleInUse",
        [typeof(Calendars.CalendarBody)] = "Calendar",
        [typeof(Calendars.CalendarBody.Hours)] = "CalendarHours",
        [typeof(Calendars.CalendarWindows)] = "CalendarWindows",
        [typeof(Calendars.CalendarWindows.Window)] = "CalendarWindow",
        [typeof(Metrics.MetricsBodies.DepartmentTrendsBody)] = "DepartmentTrends",
        [typeof(Metrics.MetricsBodies.DepartmentTrendBody)] = "DepartmentTrend",
        [typeof(Metrics.MetricsBodies.PeriodBody)] = "DepartmentPeriod",
        [typeof(Metrics.MetricsBodies.SpreadBody)] = "TimeSpread",
        [typeof(Metrics.MetricsBodies.BacklogBody)] = "BacklogByAge",
        [typeof(Metrics.MetricsBodies.RuleQualityBody)] = "RuleQuality",
        [typeof(Metrics.MetricsBodies.RuleBody)] = "RuleFigures",
        [typeof(Metrics.MetricsBodies.CsmAccountBody)] = "CsmAccount",
        [typeof(Metrics.MetricsBodies.CsmBody)] = "CsmFigures",
    };

    /// The name a type's schema has in the document.
    public static string NameOf(Type type) => Names.TryGetValue(type, out var name) ? name : type.Name;

    /// The component a type is kept under; null keeps it inline (a JsonElement is any JSON value).
    public static string? ReferenceId(JsonTypeInfo type) =>
        type.Type == typeof(JsonElement) || Nullable.GetUnderlyingType(type.Type) == typeof(JsonElement) ? null
        : Names.TryGetValue(type.Type, out var name) ? name
        : OpenApiOptions.CreateDefaultSchemaReferenceId(type);

    /// The values a string field takes, by the record it is in and its JSON name.
    static readonly Dictionary<(Type, string), IReadOnlyList<string>> Vocabulary = new()
    {
        [(typeof(ReportSubmission), "category")] = ReportCategories.All,
        [(typeof(ReportSubmission), "severity")] = Severities.All,
        [(typeof(ReportQuery.Body), "category")] = ReportCategories.All,
        [(typeof(ReportQuery.Body), "severity")] = Severities.All,
        [(typeof(PatternSubmission), "severity")] = Severities.All,
        [(typeof(PatternBody), "category")] = ReportCategories.All,
        [(typeof(PatternBody), "status")] = PatternStatus.All,
        [(typeof(EffectivenessBody.SegmentBody), "category")] = ReportCategories.All,
        [(typeof(EffectivenessBody), "verdict")] =
            [EffectivenessVerdicts.Pending, EffectivenessVerdicts.Effective, EffectivenessVerdicts.NotEffective, EffectivenessVerdicts.Inconclusive],
        [(typeof(EffectivenessBody), "method")] = [EffectivenessMethods.Measured, EffectivenessMethods.Recurrence],
        [(typeof(EffectivenessApi.DecisionBody), "verdict")] = [EffectivenessVerdicts.Effective, EffectivenessVerdicts.NotEffective],
        [(typeof(Routing.Engine.Intake.WorkItemReceipt), "priority")] = RoutingWorkflows.Priorities,
        [(typeof(Routing.Engine.Intake.WorkItemReceipt), "reprioritizedFrom")] = RoutingWorkflows.Priorities,
        [(typeof(WorkItemBody), "priority")] = RoutingWorkflows.Priorities,
        [(typeof(RulesSimulationApi.SimulatedRoute), "priority")] = RoutingWorkflows.Priorities,
        [(typeof(KeysApi.NewKey), "role")] = Roles.All,
        [(typeof(KeysApi.KeyBody), "role")] = Roles.All,
        [(typeof(Departments.DepartmentsApi.DepartmentBody), "kind")] = Engine.Departments.Department.Kinds,
        [(typeof(HistoryEntryBody), "kind")] = Engine.History.HistoryKinds.All,
    };

    /// What each request body must have, as the server checks it (every other field may be left out or null).
    static readonly Dictionary<Type, string[]> Required = new()
    {
        [typeof(ReportSubmission)] = ["title", "product", "category", "reportCount", "severity", "evidence", "verifiedBy", "verifiedAt"],
        [typeof(SegmentSubmission)] = [],
        [typeof(KeysApi.NewKey)] = ["name", "role"],
        [typeof(RulesApi.DraftBody)] = ["workflows", "departments"],
        [typeof(RulesSimulationApi.SimulationBody)] = ["report"],
        [typeof(RuleExpressionCheck.ExpressionBody)] = ["expression"],
        [typeof(WorkItemActionsApi.ActionBody)] = ["version"],
        [typeof(EffectivenessApi.DecisionBody)] = ["verdict", "note", "version"],
        [typeof(EffectivenessChoice)] = [],
        [typeof(PatternSubmission)] = [],
        [typeof(PatternDismissal)] = ["reason"],
    };

    /// Fields the code keeps as raw JSON (JsonElement, any value to .NET), with the shape they have
    /// (a ruleset's workflows and departments get their items' schemas in RulesetSchemas).
    static readonly Dictionary<(Type, string), Func<OpenApiSchema>> Shapes = new()
    {
        [(typeof(WorkItemActionsApi.ActionBody), "fields")] = () => FieldValues(JsonSchemaType.Null),
        [(typeof(WorkItemBody), "fields")] = () => FieldValues(0),
        [(typeof(HistoryEntryBody), "data")] = () => AnyObject("What happened, as the event's kind records it."),
        [(typeof(RulesApi.DraftBody), "workflows")] = () => Objects("RulesEngine workflows (see the rules README).", 0),
        [(typeof(RulesApi.DraftBody), "departments")] = () => Objects("The departments.", 0),
        [(typeof(RulesApi.DraftBody), "lifecycles")] = () => Objects("The lifecycles (as GET /api/lifecycles shows them); the active version's when left out.", JsonSchemaType.Null),
        [(typeof(RulesetDetails), "workflows")] = () => Objects("RulesEngine workflows (see the rules README).", 0),
        [(typeof(RulesetDetails), "departments")] = () => Objects("The departments.", 0),
        [(typeof(RulesetDetails), "lifecycles")] = () => Objects("The lifecycles (as GET /api/lifecycles shows them).", 0),
        [(typeof(RulesApi.DraftBody), "calendars")] = () => Objects("The calendars (see the rules README); the active version's when left out.", JsonSchemaType.Null),
        [(typeof(RulesetDetails), "calendars")] = () => Objects("The calendars, as calendars.json writes them (see the rules README).", 0),
    };

    /// A work item's fields by name: text, a choice, a date or a person as a string; a list as strings.
    static OpenApiSchema FieldValues(JsonSchemaType nullable) => new()
    {
        Type = JsonSchemaType.Object | nullable,
        Description = "Fields by name, as the action's lifecycle names them: a text, choice, date (YYYY-MM-DD) or person as a string, a list as an array of strings.",
        AdditionalProperties = new OpenApiSchema
        {
            AnyOf = [new OpenApiSchema { Type = JsonSchemaType.String }, new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }],
        },
    };

    static OpenApiSchema AnyObject(string description) =>
        new() { Type = JsonSchemaType.Object, Description = description, AdditionalProperties = new OpenApiSchema() };

    static OpenApiSchema Objects(string description, JsonSchemaType nullable) =>
        new() { Type = JsonSchemaType.Array | nullable, Description = description, Items = AnyObject("One of them, as JSON.") };

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (context.JsonPropertyInfo is { } property)
        {
            if (Shapes.TryGetValue((property.DeclaringType, property.Name), out var shape))
            {
                var shaped = shape();
                (schema.Type, schema.Description, schema.Items, schema.AdditionalProperties, schema.AnyOf) =
                    (shaped.Type, shaped.Description, shaped.Items, shaped.AdditionalProperties, shaped.AnyOf);
            }
            if (Vocabulary.TryGetValue((property.DeclaringType, property.Name), out var values))
                schema.Enum = [.. values.Select(v => (JsonNode)v), .. schema.Type?.HasFlag(JsonSchemaType.Null) == true ? [null!] : Array.Empty<JsonNode>()];
        }
        // A .NET enum is written as its name (JsonStringEnumConverter): say it is a string.
        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum)
            schema.Type = JsonSchemaType.String | (schema.Type ?? 0) & JsonSchemaType.Null;
        if (Required.TryGetValue(type, out var required))
        {
            schema.Required = new HashSet<string>(required);
            foreach (var name in required)
                if (schema.Properties?.TryGetValue(name, out var field) == true && field is OpenApiSchema concrete)
                    NotNull(concrete);
        }
        return Task.CompletedTask;
    }

    /// A required field is not null either: `["null","string"]` becomes `"string"`, `oneOf [null, X]` becomes X.
    static void NotNull(OpenApiSchema field)
    {
        if (field.Type is { } t) field.Type = t & ~JsonSchemaType.Null;
        if (field.OneOf is { Count: 2 } one && one.FirstOrDefault(s => s is OpenApiSchema { Type: JsonSchemaType.Null }) is { } nullOption)
            one.Remove(nullOption);
        if (field.Enum is { } values && values.Any(v => v is null)) field.Enum = [.. values.Where(v => v is not null)];
    }
}
