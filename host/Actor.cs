namespace Routing.Host;

/// Who is acting, as history records it.
internal static class Actor
{
    // Until API keys exist every caller is anonymous.
    public static string Of(HttpContext http) => http.User.Identity?.Name ?? "anonymous";
}
