using Routing.Engine.Access;
using Routing.Host.OpenApi;

namespace Routing.Host.Access;

/// Admins hand out and revoke keys. A key is shown once, at creation.
internal static class KeysApi
{
    public sealed record NewKey(string? Name, string? Role, List<string>? Departments, string? Email = null);
    public sealed record KeyBody(Guid Id, string Name, string Role, IReadOnlyList<string> Departments,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? Email);

    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Policies.Administer);
        group.MapPost("/", CreateAsync)
            .WithName("createKey")
            .WithSummary("Creates an API key; the key itself is in this answer only")
            .WithDescription("A department head's key names their departments; other roles' keys name none.")
            .TakesJson<NewKey>("The key's name (unique, ignoring case), its role, a department head's departments, and optionally the holder's e-mail address (a CSM hears of their reports' outcomes there).")
            .Produces<ApiKeyService.Created>(StatusCodes.Status201Created)
            .Refuses(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/", async (ApiKeyService keys, CancellationToken ct) => TypedResults.Ok((await keys.ListAsync(ct))
            .Select(k => new KeyBody(k.Id, k.Name, k.Role, k.Departments, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.Email))))
            .WithName("listKeys")
            .WithSummary("Every key, revoked ones too, without the keys themselves");
        group.MapDelete("/{id:guid}", RevokeAsync)
            .WithName("revokeKey")
            .WithSummary("Revokes a key; it stops working at once on every host")
            .Produces(StatusCodes.Status204NoContent)
            .Refuses(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict); // the last live admin key
        return app;
    }

    static async Task<IResult> RevokeAsync(Guid id, HttpContext http, ApiKeyService keys, CancellationToken ct) =>
        await keys.RevokeAsync(id, Actor.Of(http), ct) switch
        {
            Revocation.Revoked => Results.NoContent(),
            Revocation.LastAdminKey last => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "The last live admin key cannot be revoked.", detail: last.Message),
            var other => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: other.Message),
        };

    static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyService keys, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<NewKey>(request, 16 * 1024, ct);
        if (body.Problem is not null) return body.Problem;

        var (created, errors) = await keys.TryCreateAsync(
            new KeyRequest(body.Value!.Name, body.Value.Role, body.Value.Departments ?? [], body.Value.Email), Actor.Of(request.HttpContext), ct);
        return created is null
            ? Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The key cannot be created.")
            : TypedResults.Created($"/api/keys/{created.Id}", created);
    }
}
