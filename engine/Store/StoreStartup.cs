using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
        if (db.Database.IsNpgsql() && await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct))
            await MigrateInTurnAsync(db, ct);
        else
            await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
            // WAL lets readers work while a report is being written.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        log.LogInformation("Store ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    internal const long MigrationLockKey = 727002;

    /// Hosts started at once on one PostgreSQL (a deployment, an upgrade) migrate one after the
    /// other: EF's own migration lock did not stop two from creating the same table, and the
    /// second host stopped with 42P07. The lock is the session's: it goes with the connection if
    /// the host dies.
    static async Task MigrateInTurnAsync(RoutingDb db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // No command timeout (30 s by default): the lock waits as long as the other host's migration takes,
            // and a migration that fills new columns on a large store takes minutes (1M items: see the README's
            // Performance); a host that gave up would not start at all. The host's start is cancelled on shutdown.
            var timeout = db.Database.GetCommandTimeout();
            db.Database.SetCommandTimeout(0); // no timeout
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({MigrationLockKey})", ct);
                try
                {
                    await db.Database.MigrateAsync(ct);
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
                }
            }
            finally
            {
                db.Database.SetCommandTimeout(timeout);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

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
