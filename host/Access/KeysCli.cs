using Microsoft.EntityFrameworkCore;
using Routing.Engine.Access;
using Routing.Engine.Departments;
using Routing.Engine.Store;

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
        await scope.ServiceProvider.GetRequiredService<RoutingDb>().Database.MigrateAsync();
        var shipped = await scope.ServiceProvider.GetRequiredService<Routing.Rules.Rulesets.RulesetCache>().GetAsync(
            await scope.ServiceProvider.GetRequiredService<RoutingDb>().Publications.OrderByDescending(p => p.Id).Select(p => p.Version).FirstOrDefaultAsync());
        var directory = new Directory(shipped?.Departments ?? []);

        var errors = KeysApi.Validate(Option("--name"), Option("--role"), departments, directory);
        foreach (var (field, messages) in errors) await output.WriteLineAsync($"{field}: {string.Join(" ", messages)}");
        if (errors.Count > 0) return 1;
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>()
            .CreateAsync(Option("--name")!, Option("--role")!, departments, "system:cli", CancellationToken.None);
        await output.WriteLineAsync(created.Key);
        return 0;
    }

    sealed class Directory(IReadOnlyList<Department> all) : IDepartmentDirectory
    {
        public IReadOnlyList<Department> All => all;
        public Department? Find(string id) => all.FirstOrDefault(d => d.Id == id);
    }
}
