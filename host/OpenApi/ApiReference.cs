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

    /// Scalar's muted greys and method colours are below 4.5:1 on its backgrounds (axe); these are not.
    const string ReadableColours = """
        .light-mode {
          --scalar-color-2: #3d3d3d; --scalar-color-3: #595959;
          --scalar-color-green: #116329; --scalar-color-blue: #0a53a8; --scalar-color-orange: #8f3f00;
          --scalar-color-red: #b3261e; --scalar-color-purple: #6639a6; --scalar-color-yellow: #6b5200;
        }
        .dark-mode {
          --scalar-color-2: #d0d0d0; --scalar-color-3: #b0b0b0;
          --scalar-color-green: #5fd38a; --scalar-color-blue: #7cb8ff; --scalar-color-orange: #ffa860;
          --scalar-color-red: #ff8a80; --scalar-color-purple: #c9a7ff; --scalar-color-yellow: #f0d060;
        }
        """;

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
                .WithCustomCss(ReadableColours)
                // Scalar's page has no language: screen readers would guess it.
                .AddHeadContent("<script>document.documentElement.lang = 'en';</script>")
                .AddPreferredSecuritySchemes(ApiDocument.Bearer))
            .AllowAnonymous();
        return app;
    }
}
