using System.Net;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Routing.Engine.Store;
using Routing.Tests.Infrastructure;

namespace Routing.Tests.Deployment;

/// A host started while another migrates the store waits its turn however long the migration
/// takes, not only as long as one command may (Command Timeout, 30 s unless the connection string says).
public sealed class MigrationTurnTests
{
    [Fact]
    public async Task A_host_waits_for_another_hosts_migration_longer_than_its_command_timeout()
    {
        await using var store = TestStore.Postgres();
        // Another host, migrating: it holds the migration lock.
        await using var other = new NpgsqlConnection(store.ConnectionString);
        await other.OpenAsync();
        await Run(other, $"SELECT pg_advisory_lock({StoreStartup.MigrationLockKey})");

        await using var app = new RoutingApplication(store, new FakeTimeProvider())
        {
            Extra = { ["ConnectionStrings:Routing"] = new NpgsqlConnectionStringBuilder(store.ConnectionString) { CommandTimeout = 2 }.ConnectionString },
        };
        var starting = Task.Run(app.CreateClient);
        await Eventually.HoldsAsync(async () => (long)(await Scalar(other, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"))! == 1,
            TimeSpan.FromSeconds(30), "the host waits for the migration lock");
        // The other host's migration takes longer than a command may here.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await Run(other, $"SELECT pg_advisory_unlock({StoreStartup.MigrationLockKey})");

        using var client = await starting;
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    static Task Run(NpgsqlConnection connection, string sql) => Scalar(connection, sql);
}
