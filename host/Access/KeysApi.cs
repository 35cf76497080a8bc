using Routing.Engine.Access;
using Routing.Engine.Departments;

namespace Routing.Host.Access;

/// Admins hand out and revoke keys. A key is shown once, at creation.
internal static class KeysApi
{
    public sealed record NewKey(string? Name, string? Role, List<string>? Departments);
    public sealed record KeyView(Guid Id, string Name, string Role, IReadOnlyList<string> Departments,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt);

    public static IEndpointRouteBuilder MapKeys(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(Policies.Administer);
        group.MapPost("/", CreateAsync);
        group.MapGet("/", async (ApiKeyService keys, CancellationToken ct) => TypedResults.Ok((await keys.ListAsync(ct))
            .Select(k => new KeyView(k.Id, k.Name, k.Role, k.Departments, k.CreatedAt, k.CreatedBy, k.RevokedAt))));
        group.MapDelete("/{id:guid}", async (Guid id, HttpContext http, ApiKeyService keys, CancellationToken ct) =>
            await keys.RevokeAsync(id, Actor.Of(http), ct)
                ? Results.NoContent()
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such live key."));
        return app;
    }

    static async Task<IResult> CreateAsync(HttpRequest request, ApiKeyService keys, IDepartmentDirectory departments, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<NewKey>(request, 16 * 1024, ct);
        if (body.Problem is not null) return body.Problem;
        var (name, role, wanted) = (body.Value!.Name?.Trim(), body.Value.Role, body.Value.Departments ?? []);

        var (created, errors) = await TryCreateAsync(name, role, wanted, Actor.Of(request.HttpContext), departments, keys, ct);
        return created is null
            ? Results.ValidationProblem(errors, statusCode: StatusCodes.Status422UnprocessableEntity, title: "The key cannot be created.")
            : TypedResults.Created($"/api/keys/{created.Id}", created);
    }

    /// Validates and creates a key (the API, the console and the CLI): the key, or every error.
    public static async Task<(ApiKeyService.Created? Created, Dictionary<string, string[]> Errors)> TryCreateAsync(
        string? name, string? role, List<string> wanted, string actor, IDepartmentDirectory departments, ApiKeyService keys, CancellationToken ct)
    {
        var errors = await ValidateAsync(name, role, wanted, departments, keys, ct);
        if (errors.Count > 0) return (null, errors);
        if (await keys.CreateAsync(name!, role!, wanted, actor, ct) is { } created) return (created, errors);
        errors["name"] = [NameTaken];
        return (null, errors);
    }

    const string NameTaken = "another key has this name (names are unique, ignoring case).";

    /// The service's own actors are named "system:…", and those without a key "anonymous": a key
    /// named so could pass for them in history.
    public const string ReservedPrefix = "system:", Anonymous = "anonymous";

    static async Task<Dictionary<string, string[]>> ValidateAsync(string? name, string? role, List<string> wanted,
        IDepartmentDirectory departments, ApiKeyService keys, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors["name"] = ["is required, at most 100 characters."];
        else if (name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase) || name.Equals(Anonymous, StringComparison.OrdinalIgnoreCase))
            errors["name"] = [$"may not start with \"{ReservedPrefix}\" nor be \"{Anonymous}\"."];
        else if (await keys.NameTakenAsync(name, ct)) errors["name"] = [NameTaken];
        if (role is null || !Roles.All.Contains(role)) errors["role"] = [$"must be one of: {string.Join(", ", Roles.All)}."];
        else if (role == Roles.DepartmentHead && wanted.Count == 0) errors["departments"] = ["a department head needs at least one department."];
        else if (role != Roles.DepartmentHead && wanted.Count > 0) errors["departments"] = ["only department heads are bound to departments."];
        if (wanted.FirstOrDefault(d => departments.Find(d) is null) is { } unknown) errors["departments"] = [$"'{unknown}' is not a department."];
        return errors;
    }
}
