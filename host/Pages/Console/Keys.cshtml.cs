using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// Admins hand out keys (shown once) and revoke them; departments are listed with their contacts.
[Authorize(Policy = Policies.Administer)]
internal sealed class KeysModel(ApiKeyService keys, IDepartmentDirectory directory) : FormPage
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public List<string> Departments { get; set; } = [];

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];
    public IReadOnlyList<Department> All => directory.All;
    public ApiKeyService.Created? Created { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Keys = await keys.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        (Created, Errors) = await keys.TryCreateAsync(new KeyRequest(Name, Role, Departments), Actor.Of(HttpContext), ct);
        if (Created is null) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Keys = await keys.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        Message = await keys.RevokeAsync(id, Actor.Of(HttpContext), ct) ? "The key is revoked: it stops working at once, on every host." : "No such live key.";
        Keys = await keys.ListAsync(ct);
        return Page();
    }
}
