using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Routing.Engine.Access;

namespace Routing.Host.Access;

/// `Authorization: Bearer <key>` or `X-Api-Key: <key>`; in the web console, the session the
/// user signed in to, from an HttpOnly cookie that holds only the session's token. Keys and
/// sessions are looked up on every request (by hash, indexed), so a revoked key or an ended
/// session stops working at once on every host.
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyService keys, ConsoleSessions sessions, ActingKey acting, FailedAuthentications failures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string DepartmentClaim = "department";
    public const string CookieName = "routing_session";

    /// The cookie that keeps a signed-in browser's session token (signing in adds how long it lasts).
    public static CookieOptions SessionCookie() => new() { HttpOnly = true, Secure = true, SameSite = SameSiteMode.Strict, Path = "/" };

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var (secret, fromCookie) = Presented(Request);
        if (secret is null) return AuthenticateResult.NoResult();

        // A session token is not a key: sent as one (Bearer, X-Api-Key) it is unknown, like any guess.
        var found = fromCookie ? await sessions.FindAsync(secret, Context.RequestAborted) : await keys.FindAsync(secret, Context.RequestAborted);
        if (found is null)
        {
            // A session that ended (or whose key was revoked) while the browser was signed in:
            // forget it, or every later page (the sign-in page too) would record the failure again.
            if (fromCookie) Response.Cookies.Delete(CookieName, SessionCookie());
            await failures.RecordAsync(Context, fromCookie ? "unknown or ended session" : "unknown or revoked key");
            return AuthenticateResult.Fail(fromCookie ? "Unknown or ended session." : "Unknown or revoked API key.");
        }
        acting.Is(found);

        var claims = new List<Claim> { new(ClaimTypes.Name, found.Name), new(ClaimTypes.Role, found.Role), new("key", found.Id.ToString()) };
        claims.AddRange(found.Departments.Select(d => new Claim(DepartmentClaim, d)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (FailedAuthentications.RetryAfter(Context) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = FailedAuthentications.Seconds(wait);
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
