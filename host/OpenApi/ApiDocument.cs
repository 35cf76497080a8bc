using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Routing.Host.OpenApi;

/// The document's front matter: what Routing is, where it answers, its groups of operations and
/// how a caller proves who they are.
internal static class ApiDocument
{
    public const string Bearer = "bearer", ApiKey = "apiKey";

    /// Each tag the endpoints use, with what an integrator finds under it.
    static readonly (string Name, string Description)[] Tags =
    [
        ("Reports", "Verified problem patterns submitted by CSMs, and where each was routed and why."),
        ("Work items", "A department's work on a report: read it, act on it (acknowledge, resolve, …), its timeline, its fix's effectiveness."),
        ("Departments", "The departments reports are routed to, and each one's inbox of work items."),
        ("Lifecycles", "The states and actions a department's work items follow, and their drawings."),
        ("Calendars", "Departments' working time: time zones, weekly hours, holidays, and the working stretches of a period."),
        ("Rules", "The routing rules (RulesEngine JSON), versioned: draft, simulate, replay, diff, publish, roll back. Admins only (simulate: CSMs too)."),
        ("History", "The append-only, hash-chained history: search it, verify the chain, export it. Auditors and admins."),
        ("Keys", "API keys and their roles: created (the key shown once), listed, revoked. Admins only."),
        ("Imports", "Complaints from the ticket system and units sold, as files of any size: what pattern detection reads."),
        ("Patterns", "Candidate patterns found in the complaints: read them with their evidence, submit one as a report or dismiss it."),
    ];

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Routing API",
            Version = "1",
            Description = "Routes verified problem patterns from customer service to the departments that must act on them, as work " +
                          "items with a priority and due times, and keeps a tamper-evident history of everything that happened.\n\n" +
                          "Every operation needs an API key, sent as `Authorization: Bearer <key>` or `X-Api-Key: <key>`; the key's " +
                          "role (csm, department-head, admin, auditor) decides what it may call. Errors are RFC 9457 problem details " +
                          "(`application/problem+json`); a 400 or 422 names each field that was refused under `errors`.",
            Contact = new OpenApiContact { Name = "The Routing team that runs this host" },
        };
        // The configured public address (behind a proxy the request's is the internal one), else the
        // address the document was fetched from; without the trailing slash linters warn of.
        if (context.ApplicationServices.GetRequiredService<IConfiguration>()["Routing:PublicUrl"] is { Length: > 0 } publicUrl)
            document.Servers = [new OpenApiServer { Url = publicUrl }];
        foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/') is { Length: > 0 } url ? url : "/";
        if (document.Servers is not { Count: > 0 }) document.Servers = [new OpenApiServer { Url = "/" }];
        foreach (var server in document.Servers) server.Description ??= "This host";

        // The endpoints' tags, in this order, described; a tag another transformer added (with its description) is kept.
        var used = document.Tags ?? new HashSet<OpenApiTag>();
        document.Tags = new HashSet<OpenApiTag>(Tags.Where(t => used.Any(u => u.Name == t.Name)).Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        foreach (var other in used.Where(u => Tags.All(t => t.Name != u.Name)))
        {
            other.Description ??= other.Name;
            document.Tags.Add(other);
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer",
                Description = "An API key as a bearer token: `Authorization: Bearer <key>`.",
            },
            [ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
                Description = "The same API key in its own header: `X-Api-Key: <key>`.",
            },
        };
        return Task.CompletedTask;
    }
}
