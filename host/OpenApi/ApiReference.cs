using Scalar.AspNetCore;

namespace Routing.Host.OpenApi;

/// GET /api/docs: the API reference for people (Scalar), drawn from /openapi/v1.json in the
/// browser. Public, like the document. Everything it loads comes from this host: its scripts are
/// served from the package, the default fonts (a CDN), Scalar's telemetry, AI agent and
/// developer toolbar are off.
internal static class ApiReference
{
    public const string Path = "/api/docs";

    /// Its own Content-Security-Policy (the API's is `default-src 'none'`): the page starts Scalar
    /// with an inline module script and Scalar styles itself inline; it fetches only this host.
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
        "img-src 'self' data:; font-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, o => o
                .WithTitle("Routing API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                // Its toolbar (shown on localhost) links to Scalar's own services.
                .HideDeveloperTools()
                .ShowOperationId()
                .AddPreferredSecuritySchemes(ApiDocument.Bearer))
            .AllowAnonymous();
        return app;
    }
}
