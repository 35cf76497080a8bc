using Routing.Engine.Departments;
using Routing.Engine.Notifications;

namespace Routing.Engine.Access;

/// A key as the API, the console and the CLI ask ApiKeyService.TryCreateAsync for it, and the
/// rules it must follow (the one home of a key's validation). `Email`: where its holder hears of
/// their reports' outcomes (optional).
public sealed record KeyRequest(string? Name, string? Role, IReadOnlyList<string> Departments, string? Email = null)
{
    /// The service's own actors are named "system:…", and those without a key "anonymous": a key
    /// named so could pass for them in history.
    public const string ReservedPrefix = "system:", Anonymous = "anonymous";

    public const string NameTaken = "another key has this name (names are unique, ignoring case).";

    /// Everything wrong with the request that the store need not be asked about (it is asked
    /// whether the name is taken), by field.
    public Dictionary<string, string[]> Problems(IDepartmentDirectory directory)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 100) errors["name"] = ["is required, at most 100 characters."];
        else if (Name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase) || Name.Equals(Anonymous, StringComparison.OrdinalIgnoreCase))
            errors["name"] = [$"may not start with \"{ReservedPrefix}\" nor be \"{Anonymous}\"."];
        if (Role is null || !Roles.All.Contains(Role)) errors["role"] = [$"must be one of: {string.Join(", ", Roles.All)}."];
        else if (Role == Roles.DepartmentHead && Departments.Count == 0) errors["departments"] = ["a department head needs at least one department."];
        else if (Role != Roles.DepartmentHead && Departments.Count > 0) errors["departments"] = ["only department heads are bound to departments."];
        if (Departments.FirstOrDefault(d => directory.Find(d) is null) is { } unknown) errors["departments"] = [$"'{unknown}' is not a department."];
        if (Email is not null && !EmailAddress.IsValid(Email))
            errors["email"] = [$"must be an e-mail address (name@example.com), at most {EmailAddress.MaxLength} characters."];
        return errors;
    }
}
