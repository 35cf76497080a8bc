using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Routing.Engine.Effectiveness;
using Routing.Engine.History.Events;
using Routing.Engine.Notifications;
using Routing.Engine.Reports;
using Routing.Workflows.Notifications;

namespace Routing.Host.Webhooks;

/// The OpenAPI document's `webhooks`: one entry per work-item event a department's webhook
/// receives, with the payload's schema (components of their own, referenced, never inlined) and
/// the Standard Webhooks headers, made from NotificationEvents so an event added there is
/// documented without another edit. Touches only `webhooks`, its components and its tag.
internal static class WebhooksInOpenApi
{
    const string Tag = "Webhooks";
    const string Payload = "WorkItemWebhook", Data = "WorkItemWebhookData", Links = "WorkItemWebhookLinks", Effectiveness = "WebhookEffectiveness";

    static readonly Dictionary<string, (string Summary, string Description)> Events = new()
    {
        [NotificationEvents.Routed] = ("A work item was opened",
            "A report was routed to the department (or an item handed back to triage), opening a work item."),
        [NotificationEvents.Reminder] = ("A work item is waiting",
            "A due time of the item's lifecycle came (e.g. not acknowledged in time): a reminder before it escalates."),
        [NotificationEvents.Escalated] = ("A work item escalated",
            "A due time passed. Sent to the department (`role` owner) and, as its own event, to its escalation contact (`role` escalation)."),
        [NotificationEvents.Reopened] = ("A fixed work item was reopened",
            "The resolution check found the fix not effective (the pattern came back); `effectiveness` says how it was judged."),
        [NotificationEvents.Verified] = ("A fix was verified",
            "The resolution check judged the fix effective; `effectiveness` says how, with its numbers."),
        [NotificationEvents.Reprioritized] = ("A work item became more urgent",
            "A more urgent report of the same pattern tightened the item's priority and due times."),
        [NotificationEvents.Inconclusive] = ("A fix could not be judged",
            "The effectiveness check could not judge the fix, even after watching longer: the CSM who submitted the report decides."),
    };

    public static async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        await AddSchemasAsync(document, context, ct);
        document.Tags ??= new HashSet<OpenApiTag>();
        if (!document.Tags.Any(t => t.Name == Tag))
            document.Tags.Add(new OpenApiTag
            {
                Name = Tag,
                Description = "What Routing POSTs to a department's webhook, signed per Standard Webhooks (standardwebhooks.com).",
            });
        document.Webhooks = NotificationEvents.All.ToDictionary(e => NotificationEvents.TypeOf(e), e => (IOpenApiPathItem)PathItem(document, e));
    }

    static OpenApiPathItem PathItem(OpenApiDocument document, string @event) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Post] = new()
            {
                OperationId = "workItem" + string.Concat(@event[..1].ToUpperInvariant(), @event[1..]),
                Summary = Events[@event].Summary,
                Description = $"{Events[@event].Description} The payload's `type` is `{NotificationEvents.TypeOf(@event)}`.",
                Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
                Parameters =
                [
                    Header(WebhookChannel.IdHeader, "The event's id: the same on every retry of the event, so a receiver drops repeats.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" }),
                    Header(WebhookChannel.TimestampHeader, "This attempt's time, in seconds since 1970-01-01 UTC: refuse a delivery more than 5 minutes from now.",
                        new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" }),
                    Header(WebhookChannel.SignatureHeader,
                        "`v1,` and the base64 HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with the secret's key; "
                        + "while a secret is rotated out, its signature follows the current one's, space-separated.",
                        new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^v1,[A-Za-z0-9+/]+={0,2}( v1,[A-Za-z0-9+/]+={0,2})*$" }),
                    Header(WebhookChannel.LegacySignatureHeader, "Deprecated: `sha256=` and the hex HMAC-SHA256 of the body alone; it signs neither id nor time.",
                        new OpenApiSchema { Type = JsonSchemaType.String }, deprecated: true),
                    Header(WebhookChannel.LegacyEventIdHeader, "Deprecated: the same as webhook-id.", new OpenApiSchema { Type = JsonSchemaType.String }, deprecated: true),
                    Header(WebhookChannel.LegacyEventHeader, "Deprecated: the event's name, as `data.event`.", new OpenApiSchema { Type = JsonSchemaType.String }, deprecated: true),
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "Verify the signature over the body exactly as received, before parsing it.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(Payload, document) } },
                },
                Responses = new OpenApiResponses
                {
                    ["2XX"] = new OpenApiResponse
                    {
                        Description = "Received. Any other answer (a redirect too: none is followed) or none within 10 s is a failed attempt, "
                                      + "tried again after 10 s, 30 s, 90 s, 4.5 min and 13.5 min.",
                    },
                },
                Security = [],
            },
        },
    };

    static OpenApiParameter Header(string name, string description, OpenApiSchema schema, bool deprecated = false) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = !deprecated, Deprecated = deprecated, Description = description, Schema = schema,
    };

    /// The payload's schemas as components of their own. A schema made in a document transformer
    /// inlines the types it nests, so each nested type is made on its own and referenced.
    static async Task AddSchemasAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var links = Strict(await context.GetOrCreateSchemaAsync(typeof(WebhookLinks), null, ct));
        links.Description = "Absolute links (from Routing:PublicUrl): the item in the API, its report in the API, the item's console page.";
        foreach (var link in (links.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>()) link.Format = "uri";
        var effectiveness = Strict(await context.GetOrCreateSchemaAsync(typeof(EffectivenessOutcome), null, ct));
        effectiveness.Description = "How the resolution check judged the fix: its method, verdict and explanation, and, when measured, its numbers.";
        Enum(effectiveness, "method", [EffectivenessMethods.Measured, EffectivenessMethods.Recurrence]);
        Enum(effectiveness, "verdict", [EffectivenessVerdicts.Effective, EffectivenessVerdicts.NotEffective, EffectivenessVerdicts.Inconclusive]);

        var data = Strict(await context.GetOrCreateSchemaAsync(typeof(WorkItemEvent), null, ct));
        data.Description = "The event (its fields are added to, never renamed or removed; a breaking change gets a new `schemaVersion`).";
        data.Properties!["links"] = new OpenApiSchemaReference(Links, document);
        data.Properties["effectiveness"] = new OpenApiSchemaReference(Effectiveness, document);
        Enum(data, "schemaVersion", [WorkItemEvent.Version]);
        Enum(data, "event", [.. NotificationEvents.All]);
        Enum(data, "role", [.. RecipientRoles.All]);
        Enum(data, "category", [.. ReportCategories.All]);
        Describe(data, "role", "owner: the item's department is told; escalation: its escalation contact is (`recipient`), about `department`'s item.");
        Describe(data, "recipient", "The department told: the item's own, or its escalation contact.");
        Describe(data, "eventId", "The same as the webhook-id header.");
        data.Required = new HashSet<string>(data.Properties.Keys.Where(p => p != "effectiveness"));

        var payload = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A webhook's body, in the shape Standard Webhooks recommends.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Description = "What happened: `work_item.` and the event.",
                    Enum = [.. NotificationEvents.All.Select(e => (JsonNode)NotificationEvents.TypeOf(e))],
                },
                ["timestamp"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time", Description = "When the event happened (not this attempt)." },
                ["data"] = new OpenApiSchemaReference(Data, document),
            },
            Required = new HashSet<string> { "type", "timestamp", "data" },
        };

        document.AddComponent(Links, links);
        document.AddComponent(Effectiveness, effectiveness);
        document.AddComponent(Data, data);
        document.AddComponent(Payload, payload);
    }

    static void Enum(OpenApiSchema schema, string property, JsonNode[] values)
    {
        if (schema.Properties?[property] is OpenApiSchema p) p.Enum = values;
    }

    static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties?[property] is OpenApiSchema p) p.Description = description;
    }

    /// Numbers as numbers: the API reads numbers written as strings too, which makes its schemas say
    /// `integer | string`; a webhook is only ever written by Routing, always as numbers.
    static OpenApiSchema Strict(IOpenApiSchema made)
    {
        var schema = (OpenApiSchema)made;
        foreach (var property in (schema.Properties ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
            if (property.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
            {
                property.Type = type & ~JsonSchemaType.String;
                property.Pattern = null;
            }
        return schema;
    }
}
