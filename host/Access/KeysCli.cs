using Microsoft.EntityFrameworkCore;
using Routing.Engine.Access;
using Routing.Engine.Store;
using Routing.Rules.Rulesets;

namespace Routing.Host.Access;

/// `keys create --name NAME --role ROLE [--department ID]...` prints a new key once.
internal static class KeysCli
{
    public static bool Matches(string[] args) => args.Contains("keys") && args.Contains("create");

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        string? Option(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var departments = args.Select((a, i) => (a, i)).Where(x => x.a == "--department" && x.i + 1 < args.Length)
            .Select(x => args[x.i + 1]).ToList();

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        await db.Database.MigrateAsync();
        // The departments a head may be bound to are those of the active ruleset.
        var directory = scope.ServiceProvider.GetRequiredService<ActiveRuleset>();
        await directory.RefreshAsync(db, CancellationToken.None);

        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var errors = await KeysApi.ValidateAsync(Option("--name")?.Trim(), Option("--role"), departments, directory, keys, CancellationToken.None);
        foreach (var (field, messages) in errors) await output.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
        if (errors.Count > 0) return 1;
        var created = await keys.CreateAsync(Option("--name")!.Trim(), Option("--role")!, departments, "system:cli", CancellationToken.None);
        await output.WriteLineAsync(created.Key);
        return 0;
    }
}
