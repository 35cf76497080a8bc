using Npgsql;

namespace Routing.Engine.Store;

/// The one pooled connection source of a host for its PostgreSQL store.
internal static class PostgresDataSource
{
    public static NpgsqlDataSource Create(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        // EF opens and closes a connection around every query outside a transaction, and a
        // reset (DISCARD ALL) on each return to the pool was one extra statement per query
        // and threw away prepared statements. Our connections keep no session state (locks
        // are transaction-scoped, but for the migration's advisory lock, which StoreStartup
        // unlocks itself; Hangfire has its own connections), so there is nothing to reset.
        settings.NoResetOnClose = true;
        // The intake and clock statements repeat: prepare them once per connection.
        if (settings.MaxAutoPrepare == 0) settings.MaxAutoPrepare = 64;
        // Npgsql's metrics name a pool by its connection string (host, database, user) unless it has a name.
        return new NpgsqlDataSourceBuilder(settings.ConnectionString) { Name = "routing" }.Build();
    }
}
