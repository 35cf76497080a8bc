using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// Forgets the key this browser signed in with.
[AllowAnonymous]
internal sealed class SignOutModel : PageModel
{
    public IActionResult OnPost()
    {
        Response.Cookies.Delete(ApiKeyAuthentication.CookieName, ApiKeyAuthentication.KeyCookie());
        return LocalRedirect("/console/sign-in");
    }
}
