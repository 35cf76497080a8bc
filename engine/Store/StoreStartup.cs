using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Routing.Engine.Store;

/// Creates or upgrades the schema before the host serves anything.
internal sealed class StoreStartup(IServiceScopeFactory scopes, ILogger<StoreStartup> log) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        if (db.Database.IsSqlite()) PrepareSqliteFile(db.Database.GetConnectionString()!);

        // Migrate checks what is applied itself (asking first logs an error on a new database).
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            // WAL lets readers work while a report is being written.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        log.LogInformation("Store ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    /// The folder and an empty database file, owner-only, before SQLite opens it: SQLite would
    /// create the file under the process's umask (usually readable by everyone).
    static void PrepareSqliteFile(string connectionString)
    {
        var options = new SqliteConnectionStringBuilder(connectionString);
        if (options.Mode == SqliteOpenMode.Memory || options.DataSource is "" or ":memory:") return;
        var file = Path.GetFullPath(options.DataSource);
        PrivateFiles.CreateFolder(Path.GetDirectoryName(file)!);
        PrivateFiles.EnsureFile(file);
    }
}
