namespace Routing.Host;

/// Who is acting, as history records it: the name of the caller's API key.
internal static class Actor
{
    public static string Of(HttpContext http) => http.User.Identity?.Name ?? "anonymous";
}
