namespace Routing.Host.Access;

internal static class SecurityHeaders
{
    /// Headers that keep browsers from sniffing, framing or leaking what Routing serves.
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        if (http.Request.Path.StartsWithSegments(Routing.Host.OpenApi.ApiReference.Path))
            headers.ContentSecurityPolicy = Routing.Host.OpenApi.ApiReference.ContentSecurityPolicy;
        else if (http.Request.Path.StartsWithSegments("/api"))
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        else if (http.Request.Path.StartsWithSegments("/console"))
            // WebAssembly, never eval: Viz.js draws the lifecycle with Graphviz compiled to wasm.
            // One policy for every console page, since htmx swaps pages under the first one's; styles
            // from the console's stylesheet, and the rules editor's elements marked with the page's nonce.
            headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
                $"style-src 'self' 'nonce-{CspNonce.For(http)}'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        return next(http);
    });
}
