using Microsoft.EntityFrameworkCore;
using Npgsql;
using Routing.Engine.Store;

namespace Routing.Tests.Infrastructure;

/// A store of its own for one fixture: a fresh SQLite file or a fresh PostgreSQL database
/// on the server that ./test.sh starts.
public abstract class TestStore : IAsyncDisposable
{
    public abstract string Provider { get; }
    public abstract string ConnectionString { get; }
    public abstract ValueTask DisposeAsync();
    /// A context on the store, for a test that reads what a host process wrote.
    internal abstract RoutingDb Open();

    /// Makes a store nothing has used yet a copy of one migrated once per test run, so the host
    /// started on it finds the schema ready: migrating each fresh store took 0.5 s (SQLite) and
    /// 1.1 s (PostgreSQL) of a fixture's start, for the 180 fixtures of a run. Afterwards, once
    /// the store is in use, it does nothing. A store left fresh is for what a first start does.
    internal async Task CopyMigratedAsync()
    {
        if (used) return;
        used = true;
        await CopyAsync();
    }

    bool used;
    private protected abstract Task CopyAsync();

    /// A template migrated once per process by `migrate`; removed when the process exits.
    static async Task<T> MigratedOnceAsync<T>(Func<Task<T>> migrate, Action<T> remove)
    {
        var template = await migrate();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { remove(template); }
            catch (Exception) { /* a throwaway server or folder: nothing is lost */ }
        };
        return template;
    }

    public static TestStore Sqlite() => new SqliteStore();
    public static TestStore Postgres() => new PostgresStore(Environment.GetEnvironmentVariable(PostgresStore.Variable)
        ?? throw new InvalidOperationException($"{PostgresStore.Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL for the tests."));

    /// A fresh database on another server (see PrivatePostgres).
    public static TestStore Postgres(string server) => new PostgresStore(server);

    sealed class SqliteStore : TestStore
    {
        static readonly Lazy<Task<string>> Template = new(() => MigratedOnceAsync(async () =>
        {
            var template = new SqliteStore();
            await using (var db = template.Open()) await db.Database.MigrateAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return template.File;
        }, file => Directory.Delete(Path.GetDirectoryName(file)!, recursive: true)));

        readonly string folder = Directory.CreateTempSubdirectory("routing-test-").FullName;
        string File => Path.Combine(folder, "routing.db");
        public override string Provider => "Sqlite";
        public override string ConnectionString => $"Data Source={File}";
        internal override RoutingDb Open() => new SqliteRoutingDb(new DbContextOptionsBuilder<SqliteRoutingDb>().UseSqlite(ConnectionString).Options);

        private protected override async Task CopyAsync()
        {
            if (!System.IO.File.Exists(File)) System.IO.File.Copy(await Template.Value, File);
        }

        public override ValueTask DisposeAsync()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
            return ValueTask.CompletedTask;
        }
    }

    sealed class PostgresStore : TestStore
    {
        public const string Variable = "ROUTING_TEST_POSTGRES";
        // One template per server (PrivatePostgres starts others).
        static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();
        readonly string server;
        readonly string database = $"routing_test_{Guid.NewGuid():N}";

        public PostgresStore(string server)
        {
            this.server = server;
            Run(server, $"CREATE DATABASE {database}");
        }

        public override string Provider => "Postgres";
        public override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        // Unpooled: a drill may restart the server under it, which breaks pooled connections.
        internal override RoutingDb Open() => new PostgresRoutingDb(new DbContextOptionsBuilder<PostgresRoutingDb>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString).Options);

        private protected override async Task CopyAsync()
        {
            var template = await Templates.GetOrAdd(server, _ => new(() => MigratedOnceAsync(async () =>
            {
                var store = new PostgresStore(server);
                // Unpooled (Open): no connection stays on the template, which CREATE DATABASE … TEMPLATE refuses.
                await using (var db = store.Open()) await db.Database.MigrateAsync();
                return store.database;
            }, name => Run(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)")))).Value;
            Run(server, $"DROP DATABASE {database}");
            Run(server, $"CREATE DATABASE {database} TEMPLATE {template}");
        }

        public override ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            Run(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            return ValueTask.CompletedTask;
        }

        static void Run(string server, string sql)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
