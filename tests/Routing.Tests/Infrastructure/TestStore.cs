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

    public static TestStore Sqlite() => new SqliteStore();
    public static TestStore Postgres() => new PostgresStore(Environment.GetEnvironmentVariable(PostgresStore.Variable)
        ?? throw new InvalidOperationException($"{PostgresStore.Variable} is not set: run ./test.sh, which starts a throwaway PostgreSQL for the tests."));

    /// A fresh database on another server (see PrivatePostgres).
    public static TestStore Postgres(string server) => new PostgresStore(server);

    sealed class SqliteStore : TestStore
    {
        readonly string folder = Directory.CreateTempSubdirectory("routing-test-").FullName;
        public override string Provider => "Sqlite";
        public override string ConnectionString => $"Data Source={Path.Combine(folder, "routing.db")}";
        internal override RoutingDb Open() => new SqliteRoutingDb(new DbContextOptionsBuilder<SqliteRoutingDb>().UseSqlite(ConnectionString).Options);

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
        readonly string server;
        readonly string database = $"routing_test_{Guid.NewGuid():N}";

        public PostgresStore(string server)
        {
            this.server = server;
            Run($"CREATE DATABASE {database}");
        }

        public override string Provider => "Postgres";
        public override string ConnectionString => new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        // Unpooled: a drill may restart the server under it, which breaks pooled connections.
        internal override RoutingDb Open() => new PostgresRoutingDb(new DbContextOptionsBuilder<PostgresRoutingDb>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString).Options);

        public override ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            Run($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            return ValueTask.CompletedTask;
        }

        void Run(string sql)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            command.ExecuteNonQuery();
        }
    }
}
