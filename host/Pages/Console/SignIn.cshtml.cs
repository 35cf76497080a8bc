using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Routing.Engine.Access;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// Signs in with an API key: the key is checked like a request's and kept in an HttpOnly,
/// Secure, SameSite=Strict cookie that only the console and the dashboard accept.
[AllowAnonymous]
internal sealed class SignInModel(ApiKeyService keys, FailedAuthentications failures) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken ct)
    {
        if (failures.IsThrottled(HttpContext))
        {
            Error = "Too many failed sign-ins from here; wait a minute and try again.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (string.IsNullOrWhiteSpace(key) || await keys.FindAsync(key.Trim(), ct) is null)
        {
            await failures.RecordAsync(HttpContext, keys);
            Error = "That key is not valid, or it was revoked.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        Response.Cookies.Append(ApiKeyAuthentication.CookieName, key.Trim(),
            new CookieOptions(ApiKeyAuthentication.KeyCookie()) { MaxAge = TimeSpan.FromHours(12) });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/console");
    }
}
