using Hangfire.PostgreSql;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

/// Hangfire's PostgreSQL connections, from a pool of their own with a name: Npgsql's metrics
/// (served on the management port without a key) name an unnamed pool by its connection string,
/// which tells the database's host, name and user.
internal sealed class HangfireConnections(string connectionString) : IConnectionFactory, IDisposable
{
    readonly NpgsqlDataSource pool = new NpgsqlDataSourceBuilder(connectionString) { Name = "routing-hangfire" }.Build();

    public NpgsqlConnection GetOrCreateConnection() => pool.CreateConnection();

    public void Dispose() => pool.Dispose();
}
