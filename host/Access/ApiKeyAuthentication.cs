using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Routing.Engine.Access;

namespace Routing.Host.Access;

/// `Authorization: Bearer <key>` or `X-Api-Key: <key>`; in the web console, the key the user
/// signed in with, from an HttpOnly cookie. Keys are looked up on every request (by hash,
/// indexed), so a revoked key stops working at once on every host.
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyService keys, FailedAuthentications failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string DepartmentClaim = "department";
    public const string CookieName = "routing_key";

    /// The cookie that keeps a signed-in browser's key (signing in adds how long it lasts).
    public static CookieOptions KeyCookie() => new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/" };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (key, fromCookie) = Presented(Request);
        if (key is null) return AuthenticateResult.NoResult();

        var found = await keys.FindAsync(key, Context.RequestAborted);
        if (found is null)
        {
            // A key revoked while the browser was signed in: forget it, or every later page
            // (the sign-in page too) would look it up and record the failure again.
            if (fromCookie) Response.Cookies.Delete(CookieName, KeyCookie());
            await failures.RecordAsync(Context, keys);
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, found.Name), new(ClaimTypes.Role, found.Role), new("key", found.Id.ToString()) };
        claims.AddRange(found.Departments.Select(d => new Claim(DepartmentClaim, d)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (failures.IsThrottled(Context))
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = ((int)FailedAuthentications.Window.TotalSeconds).ToString();
            return Task.CompletedTask;
        }
        if (TakesCookie(Request))
        {
            Response.Redirect($"/console/sign-in?returnUrl={Uri.EscapeDataString(Request.Path + Request.QueryString)}");
            return Task.CompletedTask;
        }
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }

    /// The cookie counts only for the console and the Hangfire dashboard: the JSON API stays
    /// header-only, so no request from another site can ride on a signed-in browser.
    static bool TakesCookie(HttpRequest request) =>
        request.Path.StartsWithSegments("/console") || request.Path.StartsWithSegments("/hangfire");

    static (string? Key, bool FromCookie) Presented(HttpRequest request)
    {
        if (TakesCookie(request) && request.Cookies[CookieName] is { Length: > 0 } signedIn) return (signedIn, true);
        if (request.Headers.TryGetValue("X-Api-Key", out var header) && header.ToString() is { Length: > 0 } apiKey) return (apiKey, false);
        var authorization = request.Headers.Authorization.ToString();
        return (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null, false);
    }
}
