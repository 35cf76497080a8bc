using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// Every host looks for a newer publish every few seconds (a Hangfire recurring job runs on
/// one host only, so it cannot do this). Real time, not the domain clock: it is plumbing.
internal sealed class RulesetRefresher(
    IServiceScopeFactory scopes, ActiveRuleset active, IOptions<RulesOptions> options, ILogger<RulesetRefresher> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshEvery);
        while (await timer.WaitForNextTickAsync(stop))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await active.RefreshAsync(scope.ServiceProvider.GetRequiredService<RoutingDb>(), stop);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not look for a newer ruleset; keeping v{Version}", active.Current.Version);
            }
        }
    }
}
