using System.CommandLine;
using Routing.Engine.Access;
using Routing.Host.Cli;

namespace Routing.Host.Access;

/// `keys create|list|revoke` on the store, whether the host runs or not:
///   keys create --name NAME --role ROLE [--department ID]... [--email ADDRESS]   prints the new key, once
///   keys list                                                 one line per key, tab-separated
///   keys revoke ID                                            never the last live admin key
internal static class KeysCli
{
    const string Actor = "system:cli";

    public static Command Command()
    {
        var keys = new Command("keys", "Create, list and revoke API keys in the store (with the service running or stopped).")
        {
            Create(), List(), Revoke(),
        };
        RoutingCli.ShowsHelpAlone(keys);
        return keys;
    }

    static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who holds the key.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}.", Required = true };
        var departments = new Option<string[]>("--department") { Description = "A department of a department head (repeat it for several)." };
        var email = new Option<string>("--email") { Description = "The holder's e-mail address: a CSM hears of their reports' outcomes there." };
        var create = new Command("create", "Creates a key and prints it (it is shown this once, and stored only as a hash). Locked out, with no admin key left? This makes a new one: --role admin.")
        {
            name, role, departments, email,
        };
        create.SetAction(async (parsed, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parsed, ct);
            await using var scope = store.Services.CreateAsyncScope();
            // The API's own operation, against the departments of the active ruleset.
            var (created, errors) = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().TryCreateAsync(
                new KeyRequest(parsed.GetValue(name), parsed.GetValue(role), parsed.GetValue(departments) ?? [], parsed.GetValue(email)), Actor, ct);
            if (created is null)
                return await RoutingCli.FailAsync(parsed.InvocationConfiguration.Error,
                    "keys create: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")), 1);
            await parsed.InvocationConfiguration.Output.WriteLineAsync(created.Key);
            return 0;
        });
        return create;
    }

    static Command List()
    {
        var list = new Command("list", "Lists the keys, one a line: id, role, name, departments, created, revoked, e-mail (no secrets).");
        list.SetAction(async (parsed, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parsed, ct);
            await using var scope = store.Services.CreateAsyncScope();
            var output = parsed.InvocationConfiguration.Output;
            foreach (var k in await scope.ServiceProvider.GetRequiredService<ApiKeyService>().ListAsync(ct))
                await output.WriteLineAsync(string.Join('\t', k.Id, k.Role, k.Name, k.Departments.Count == 0 ? "-" : string.Join(',', k.Departments),
                    k.CreatedAt.ToString("O"), k.RevokedAt?.ToString("O") ?? "-", k.Email ?? "-"));
            return 0;
        });
        return list;
    }

    static Command Revoke()
    {
        var id = new Argument<Guid>("id") { Description = "The key's id (from keys list)." };
        var revoke = new Command("revoke", "Revokes a key: it stops working at once, on every host. The last live admin key is never revoked.") { id };
        revoke.SetAction(async (parsed, ct) =>
        {
            await using var store = await CliStore.OpenAsync(parsed, ct);
            await using var scope = store.Services.CreateAsyncScope();
            var key = parsed.GetValue(id);
            var revocation = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().RevokeAsync(key, Actor, ct);
            if (revocation is Revocation.NoSuchLiveKey)
                return await RoutingCli.FailAsync(parsed.InvocationConfiguration.Error, $"keys revoke: no live key has the id {key}.", 1);
            if (revocation is Revocation.LastAdminKey)
                return await RoutingCli.FailAsync(parsed.InvocationConfiguration.Error, $"keys revoke: {revocation.Message}", 1);
            await parsed.InvocationConfiguration.Output.WriteLineAsync($"revoked {key}");
            return 0;
        });
        return revoke;
    }
}
