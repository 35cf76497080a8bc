using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// Admins hand out keys (shown once) and revoke them (after a confirmation); departments are
/// listed with their contacts.
[Authorize(Policy = Policies.Administer)]
internal sealed class KeysModel(ApiKeyService keys, IDepartmentDirectory directory) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public List<string> Departments { get; set; } = [];
    [BindProperty] public string? Email { get; set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyList<Department> All => directory.All;
    public ApiKeyService.Created? Created { get; private set; }
    public Revocation? Revocation { get; private set; }
    /// The key whose revoke was sent without its confirmation: the page asks for it.
    public Guid? Confirming { get; private set; }

    /// A department as a person reads it: its name (its id when the active rules no longer have it).
    public string NameOf(string department) => directory.Find(department)?.Name ?? department;

    /// What a department's contact gets by e-mail, as a person reads it.
    public string EmailOf(Department d) => d.Email is not { } e ? ""
        : string.Join("; ", new[] { e.Events is { Count: > 0 } events ? string.Join(", ", events) : null, e.Digest is { } digest ? $"{digest} digest" : null }
            .OfType<string>());

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        (Created, Errors) = await keys.TryCreateAsync(new KeyRequest(Name, Role, Departments, Email), Actor.Of(HttpContext), ct);
        if (Created is null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        else
        {
            // The form is empty again, so sending it a second time cannot make a second key.
            ModelState.Clear();
            (Name, Role, Departments, Email) = (null, null, [], null);
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed) Confirming = id;
        else
        {
            Revocation = await keys.RevokeAsync(id, Actor.Of(HttpContext), ct);
            Response.StatusCode = Revocation switch
            {
                Revocation.Revoked => StatusCodes.Status200OK,
                Revocation.LastAdminKey => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status404NotFound,
            };
        }
        return await PageAsync(ct);
    }

    async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Keys = await keys.ListAsync(ct);
        // htmx would put the form's address (…?handler=Create) in the address bar, and a reload
        // there shows no keys: the page's own address instead.
        Response.Headers["HX-Replace-Url"] = "/console/keys";
        return Page();
    }
}
