using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// Compiled rulesets by version. Versions never change, so each is compiled once per
/// process and intake never compiles rules per request.
internal sealed class RulesetCache(IServiceScopeFactory scopes, ILogger<RulesetCache> log)
{
    readonly ConcurrentDictionary<int, Lazy<Task<CompiledRuleset?>>> byVersion = new();

    /// The compiled version, or null when no such version is stored.
    public async Task<CompiledRuleset?> GetAsync(int version)
    {
        var entry = byVersion.GetOrAdd(version, v => new Lazy<Task<CompiledRuleset?>>(() => CompileAsync(v)));
        var compiled = await entry.Value;
        if (compiled is null) byVersion.TryRemove(version, out _);
        return compiled;
    }

    async Task<CompiledRuleset?> CompileAsync(int version)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        var stored = await db.Rulesets.AsNoTracking().FirstOrDefaultAsync(r => r.Version == version);
        if (stored is null) return null;

        var started = TimeProvider.System.GetTimestamp();
        var (ruleset, errors) = await RulesetCompiler.CompileAsync(version, stored.WorkflowsJson, stored.DepartmentsJson,
            sampleBudget: Timeout.InfiniteTimeSpan, lifecyclesJson: stored.LifecyclesJson,
            calendarsJson: stored.CalendarsJson);
        if (ruleset is null)
            throw new InvalidOperationException(
                $"Ruleset v{version} is invalid: " + string.Join("; ", errors.Select(e => $"{e.Rule}: {e.Message}")));
        log.LogInformation("Compiled ruleset v{Version} in {Elapsed}", version, TimeProvider.System.GetElapsedTime(started));
        return ruleset;
    }
}
