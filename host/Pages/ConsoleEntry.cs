using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Routing.Host.Access;

namespace Routing.Host.Pages;

/// Where a newcomer lands: `/` leads to the console (which sends a stranger on to sign in),
/// and the start-up log says where the console is and where the first admin key was written.
internal static partial class ConsoleEntry
{
    public static WebApplication MapConsoleEntry(this WebApplication app)
    {
        app.MapGet("/", () => TypedResults.Redirect("/console")).AllowAnonymous().ExcludeFromDescription();
        app.Lifetime.ApplicationStarted.Register(() => LogWhere(app.Services));
        return app;
    }

    /// Once the server listens, from the addresses it actually took (Urls may name port 0 or every interface).
    static void LogWhere(IServiceProvider services)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ConsoleEntry).FullName!);
        foreach (var address in services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            log.LogInformation("Web console: {Console}", AnyInterface().Replace(address, "://localhost") + "/console");
        var keyFile = Path.GetFullPath(services.GetRequiredService<IOptions<AuthOptions>>().Value.AdminKeyFile);
        if (File.Exists(keyFile)) log.LogInformation("The first admin key is in {File}", keyFile);
    }

    /// http://[::]:80, http://0.0.0.0:80, http://+:80: reachable here as localhost.
    [GeneratedRegex(@"://(\[::\]|0\.0\.0\.0|\+|\*)(?=:|$)")]
    private static partial Regex AnyInterface();
}
