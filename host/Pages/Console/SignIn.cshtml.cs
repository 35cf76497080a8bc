using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Routing.Engine.Access;
using Routing.Host.Access;

namespace Routing.Host.Pages.Console;

/// Signs in with an API key: the key is checked like a request's and starts a server-side
/// session; the browser keeps only the session's token, in an HttpOnly, Secure, SameSite=Strict
/// cookie that only the console and the dashboard accept. Wrong keys count towards the same
/// limit as the API's.
[AllowAnonymous]
internal sealed class SignInModel(ApiKeyService keys, ConsoleSessions sessions, FailedAuthentications failures, IOptions<ConsoleSessionOptions> options)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken ct)
    {
        var found = string.IsNullOrWhiteSpace(key) ? null : await keys.FindAsync(key.Trim(), ct);
        if (found is null)
        {
            if (await failures.RecordAsync(HttpContext, "unknown or revoked key (console sign-in)") is { } wait)
            {
                Error = $"Too many failed sign-ins from here; try again in {FailedAuthentications.Seconds(wait)} seconds.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = FailedAuthentications.Seconds(wait);
                return Page();
            }
            Error = "That key is not valid, or it was revoked.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var token = await sessions.StartAsync(found, HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown", ct);
        Response.Cookies.Append(ApiKeyAuthentication.CookieName, token,
            new CookieOptions(ApiKeyAuthentication.SessionCookie()) { MaxAge = options.Value.Lifetime });
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/console");
    }
}
