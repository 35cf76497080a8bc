using System.CommandLine;
using Microsoft.Extensions.Logging.Console;
using Routing.Engine.Store;
using Routing.Host.Access;
using Routing.Rules.Rulesets;

namespace Routing.Host.Cli;

/// The store as a CLI verb opens it: with the host's configuration and services, but no web
/// server and no Hangfire; prepared by the host's own start-up steps (the data folder and
/// schema, the shipped rules as version 1, the first admin key), so a verb works on a fresh
/// clone as well as beside a running host. Logs go to stderr, warnings and worse only.
internal static class CliStore
{
    public static async Task<WebApplication> OpenAsync(ParseResult parsed, CancellationToken ct)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = parsed.GetValue(RoutingCli.ContentRoot) });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        builder.Services.AddRoutingEngine();
        builder.Services.AddRoutingRules();
        builder.Services.AddRoutingAccess();
        var app = builder.Build();
        try
        {
            // What the host's start checks first: a bad setting stops the verb with its name.
            app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
            foreach (var step in app.Services.GetServices<IHostedService>().Where(s => s is StoreStartup or RulesetStartup or AccessStartup))
                await step.StartAsync(ct);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
