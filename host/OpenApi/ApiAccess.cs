using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Routing.Host.Access;

namespace Routing.Host.OpenApi;

/// What every operation can answer besides its own answers, from how it is reached: who may
/// call it (either key scheme, or nobody needs one), and the refusals that come before its
/// handler runs — no key (401), a role that may not (403), too many failed keys (429), the
/// store down while the key is looked up (503), a query value that is not a number or an id (400).
internal static class ApiAccess
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= new OpenApiResponses();
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
            return Task.CompletedTask;
        }

        var document = context.Document!;
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.Bearer, document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.ApiKey, document)] = [] },
        ];
        var policies = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).ToList();
        var description = $"Needs an API key whose role is {Roles(policies)}.";
        operation.Description = operation.Description is { Length: > 0 } said ? $"{said}\n\n{description}" : description;

        operation.Responses.TryAdd("401", ApiProblems.Response(document, "No API key, or one that is unknown or revoked.",
            headers: new() { ["WWW-Authenticate"] = Header("Bearer: how to authenticate.") }));
        // Every role passes "read"; a department head's narrower view is a 404, not a 403.
        if (!(policies.Count > 0 && policies.All(p => p == Policies.Read)))
            operation.Responses.TryAdd("403", ApiProblems.Response(document, "The key's role may not call this operation."));
        operation.Responses.TryAdd("429", ApiProblems.Response(document, "Too many failed authentications from this client; retry after the given seconds.",
            headers: new() { ["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer) }));
        operation.Responses.TryAdd("503", ApiProblems.Response(document, "The store is unavailable; retry shortly."));

        // The framework parses typed query values (numbers, ids) before the handler sees them.
        if ((operation.Parameters ?? []).Any(p => p.In == ParameterLocation.Query && p.Schema is { } s &&
                                                  (s.Type is { } t && (t.HasFlag(JsonSchemaType.Integer) || t.HasFlag(JsonSchemaType.Number)) || s.Format == "uuid")))
            operation.Responses.TryAdd("400", ApiProblems.Response(document, "A query value could not be read.", validation: true));
        return Task.CompletedTask;
    }

    static string Roles(List<string?> policies) => policies.FirstOrDefault() switch
    {
        Policies.Read => "any (csm, department-head, admin, auditor; a department head sees their departments only)",
        Policies.Submit => "csm or admin",
        Policies.Act => "department-head, csm or admin",
        Policies.Simulate or Policies.Import => "csm or admin",
        Policies.Audit => "auditor or admin",
        Policies.Patterns => "csm, admin or auditor",
        _ => "admin",
    };

    static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
