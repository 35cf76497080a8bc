using Routing.Engine.Access;

namespace Routing.Host.Access;

/// Admins hand out and revoke keys. A key is shown once, at creation.
internal static class KeysApi
{
    public sealed record NewKey(string? Name, string? Role, List<string>? Departments);
    public sealed record KeyBody(Guid Id, string Name, string Role, IReadOnlyList<string> Departments,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Policies.Administer);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", async (ApiKeyService keys, CancellationToken ct) => TypedResults.Ok((await keys.ListAsync(ct))
            .Select(k => new KeyBody(k.Id, k.Name, k.Role, k.Departments, k.CreatedAt, k.CreatedBy, k.RevokedAt))));
        group.MapDelete("/{id:guid}", RevokeAsync)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict); // the last live admin key
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
            new KeyRequest(body.Value!.Name, body.Value.Role, body.Value.Departments ?? []), Actor.Of(request.HttpContext), ct);
        return created is null
            ? Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The key cannot be created.")
            : TypedResults.Created($"/api/keys/{created.Id}", created);
    }
}
