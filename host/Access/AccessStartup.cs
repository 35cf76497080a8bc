using System.Text;
using Microsoft.Extensions.Options;
using Routing.Engine.Access;
using Routing.Engine.Store;

namespace Routing.Host.Access;

/// The first admin key: from Routing__Auth__BootstrapAdminKey, or — on the embedded default's
/// first start without one — generated into ./data/admin.key, created owner-only; only the path is logged.
/// A bootstrap key that an admin revoked stays revoked at every start; a new value makes a new key.
internal sealed class AccessStartup(
    IServiceScopeFactory scopes, IOptions<AuthOptions> auth, IOptions<StorageOptions> storage, ILogger<AccessStartup> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        if (auth.Value.BootstrapAdminKey is { Length: > 0 } bootstrap)
        {
            if (await keys.EnsureAdminAsync(bootstrap, ct)) log.LogInformation("Bootstrap admin key is in place");
            else log.LogWarning("The bootstrap admin key was revoked and stays revoked; set Routing__Auth__BootstrapAdminKey to a new value for a new admin key");
            return;
        }
        if (storage.Value.Provider != StorageProvider.Sqlite || await keys.AnyAsync(ct)) return;

        // The file first: a key that could not be written down is not stored either.
        var key = ApiKeySecrets.New();
        var file = Path.GetFullPath(auth.Value.AdminKeyFile);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(file)!);
        // A key file left from an earlier store is replaced by one created owner-only.
        File.Delete(file);
        await using (var stream = PrivateFiles.CreateNew(file))
            await stream.WriteAsync(Encoding.UTF8.GetBytes(key + "\n"), ct);
        await keys.CreateAsync("first-admin", Roles.Admin, [], "system:first-start", ct, key);
        log.LogWarning("No API key existed: an admin key was written to {File}", file);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
