using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Access;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// Ends this browser's session on the server (a copy of the cookie stops working too) and forgets it.
[AllowAnonymous]
internal sealed class SignOutModel(ConsoleSessions sessions) : PageModel
{
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Request.Cookies[ApiKeyAuthentication.CookieName] is { Length: > 0 } token) await sessions.EndAsync(token, ct);
        Response.Cookies.Delete(ApiKeyAuthentication.CookieName, ApiKeyAuthentication.SessionCookie());
        return LocalRedirect("/console/sign-in");
    }
}
