using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RulesEngine.Models;
using Routing.Engine.Store;

namespace Routing.Rules.Rulesets;

/// The expression of every rule of a stored version, to explain why a report went where
/// it did. Versions never change once stored, so each is read once.
internal sealed class RuleExpressions(IServiceScopeFactory scopes)
{
    readonly ConcurrentDictionary<int, IReadOnlyDictionary<string, string>> byVersion = new();

    public async Task<IReadOnlyDictionary<string, string>> ForVersionAsync(int version, CancellationToken ct)
    {
        if (byVersion.TryGetValue(version, out var known)) return known;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        var json = await db.Rulesets.Where(r => r.Version == version).Select(r => r.WorkflowsJson).FirstOrDefaultAsync(ct);
        if (json is null) return new Dictionary<string, string>();

        var expressions = (JsonSerializer.Deserialize<List<Workflow>>(json) ?? [])
            .SelectMany(w => w.Rules ?? [])
            .GroupBy(r => r.RuleName)
            .ToDictionary(g => g.Key, g => g.First().Expression ?? "");
        return byVersion[version] = expressions;
    }
}
