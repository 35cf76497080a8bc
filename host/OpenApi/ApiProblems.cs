using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Routing.Host.OpenApi;

/// The answers an endpoint declares for the OpenAPI document besides its success: each refusal
/// as RFC 9457 problem details, and the JSON body it reads by hand (JsonBody), with the refusals
/// reading it can give.
internal static class ApiProblems
{
    public const string ProblemSchema = "ProblemDetails", ValidationProblemSchema = "ValidationProblemDetails";
    const string ProblemJson = "application/problem+json";

    /// Refusals as problem details: `errors` (by field) is declared for 400 and 422, which name fields.
    public static RouteHandlerBuilder Refuses(this RouteHandlerBuilder endpoint, params int[] statuses)
    {
        foreach (var status in statuses)
            endpoint = status is StatusCodes.Status400BadRequest or StatusCodes.Status422UnprocessableEntity
                ? endpoint.ProducesValidationProblem(status)
                : endpoint.ProducesProblem(status);
        return endpoint;
    }

    /// A refusal whose problem details carry members of their own: declared as a schema `name`,
    /// the problem details (or validation problem details) with those members.
    public static RouteHandlerBuilder RefusesWith(this RouteHandlerBuilder endpoint, int status, string name, string description,
        Dictionary<string, IOpenApiSchema> members, bool validation = false) => endpoint
        .AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var document = context.Document!;
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas.TryAdd(name, new OpenApiSchema
            {
                Description = description,
                AllOf =
                [
                    new OpenApiSchemaReference(validation ? ValidationProblemSchema : ProblemSchema, document),
                    new OpenApiSchema { Type = JsonSchemaType.Object, Properties = members },
                ],
            });
            (operation.Responses ??= new OpenApiResponses())[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemJson] = new() { Schema = new OpenApiSchemaReference(name, document) } },
            };
            return Task.CompletedTask;
        });

    /// The members of a 409 for a work item that changed or does not take the action in its state.
    public static Dictionary<string, IOpenApiSchema> WorkItemConflictMembers() => new()
    {
        ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The item's state now." },
        ["allowedActions"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String },
            Description = "When the action is not allowed in this state: the actions that are.",
        },
        ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "When the item changed since it was read: its version now." },
    };

    /// The member of a ruleset's 422 listing each bad rule (the same as `errors`, as { rule, message }).
    public static Dictionary<string, IOpenApiSchema> RuleErrorsMembers() => new()
    {
        ["ruleErrors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array, Description = "Each bad rule and why.",
            Items = new OpenApiSchema
            {
                Type = JsonSchemaType.Object, Required = new HashSet<string> { "rule", "message" },
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["message"] = new OpenApiSchema { Type = JsonSchemaType.String },
                },
            },
        },
    };

    /// A JSON body of type T, read by hand (JsonBody.ReadAsync): declared for the document only, so
    /// routing does not refuse other content types itself (JsonBody's 415 says what it takes).
    /// Reading it can answer 400 (not JSON, a wrong type, an unknown field), 413 and 415.
    public static RouteHandlerBuilder TakesJson<T>(this RouteHandlerBuilder endpoint, string description) => endpoint
        .AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = Referenced(await context.GetOrCreateSchemaAsync(typeof(T), null, ct), context.Document!) },
                },
            };
        })
        .Refuses(StatusCodes.Status400BadRequest, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType);

    /// A schema made in a transformer comes with its named types inline: put each in the
    /// components (once) and refer to it there, as the schemas the generator makes itself do.
    static IOpenApiSchema Referenced(IOpenApiSchema schema, OpenApiDocument document)
    {
        if (schema is not OpenApiSchema concrete) return schema;
        foreach (var (name, property) in concrete.Properties?.ToList() ?? []) concrete.Properties![name] = Referenced(property, document);
        if (concrete.Items is { } items) concrete.Items = Referenced(items, document);
        if (concrete.AdditionalProperties is { } values) concrete.AdditionalProperties = Referenced(values, document);
        foreach (var list in new[] { concrete.OneOf, concrete.AnyOf, concrete.AllOf })
            for (var i = 0; i < (list?.Count ?? 0); i++) list![i] = Referenced(list[i], document);
        if (concrete.Metadata?.TryGetValue("x-schema-id", out var id) != true || id is not string { Length: > 0 } component) return concrete;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(component, concrete);
        return new OpenApiSchemaReference(component, document);
    }

    /// What each refusal means here, said instead of the bare reason phrase ("Conflict").
    static readonly Dictionary<string, string> Meanings = new()
    {
        ["400"] = "The request could not be read; `title` says why, and `errors` (when given) names each field or query value.",
        ["404"] = "There is no such thing, or the key may not see it (a department head sees their departments only).",
        ["409"] = "The request conflicts with the state of what it names; `title` says how.",
        ["413"] = "The body is larger than this operation takes.",
        ["415"] = "The body is not of a type this operation takes; `title` says which it takes.",
        ["422"] = "The request was read but refused: `errors` names each field and why; nothing was stored.",
    };

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        // Every 201 says where the new thing is (TypedResults.Created's Location).
        if (operation.Responses?.TryGetValue("201", out var created) == true && created is OpenApiResponse made)
            (made.Headers ??= new Dictionary<string, IOpenApiHeader>())["Location"] = new OpenApiHeader
            {
                Description = "The address of what was created.", Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
            };
        foreach (var (status, response) in operation.Responses ?? [])
            if (response is OpenApiResponse answer && Meanings.TryGetValue(status, out var meaning) &&
                int.TryParse(status, out var code) && answer.Description == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(code))
                answer.Description = meaning;
        return Task.CompletedTask;
    }

    /// A problem-details answer for a document or operation transformer to add.
    public static OpenApiResponse Response(OpenApiDocument document, string description, bool validation = false,
        Dictionary<string, IOpenApiHeader>? headers = null) => new()
    {
        Description = description,
        Headers = headers,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(validation ? ValidationProblemSchema : ProblemSchema, document) },
        },
    };

    /// Makes sure the problem schemas the transformers refer to are in the components.
    public static async Task AddSchemasAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(ProblemSchema))
            document.Components.Schemas[ProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), null, ct);
        if (!document.Components.Schemas.ContainsKey(ValidationProblemSchema))
            document.Components.Schemas[ValidationProblemSchema] = await context.GetOrCreateSchemaAsync(typeof(HttpValidationProblemDetails), null, ct);
    }
}
