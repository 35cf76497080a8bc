using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Routing.Engine.Store;
using Routing.Engine.Timers;
using Routing.Workflows.Notifications;
using Routing.Workflows.Timers;

namespace Routing.Tests.Infrastructure;

/// One store and one running host per test class; tests in a class share them, so each
/// test makes its own reports and looks only at those.
public abstract class RoutingFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    protected RoutingFixture(TestStore store) => Store = store;

    public TestStore Store { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public RoutingApplication App { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        await Store.CopyMigratedAsync();
        App = new RoutingApplication(Store, Clock, RulesFolder) { Extra = ExtraSettings };
        Client = App.CreateClient();
    }

    /// Settings this fixture's hosts run with besides (or instead of) RoutingApplication.Settings.
    protected Dictionary<string, string> ExtraSettings { get; } = [];

    /// The rules the store is seeded with; the shipped ones unless a fixture says otherwise.
    protected string? RulesFolder { get; set; }

    /// Stops the host and starts a new one on the same store, as after a restart.
    public async Task RestartAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await InitializeAsync();
    }

    /// Moves the clock and fires every timer that has come due, as Hangfire would.
    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await using var scope = App.Services.CreateAsyncScope();
        var firing = scope.ServiceProvider.GetRequiredService<TimerFiring>();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        var now = Clock.Now(); // to the millisecond, as firing compares
        // Firing can create timers that are already due (a long jump): fire until none are.
        while (await db.Timers.AsNoTracking().Where(t => t.Status == TimerStatus.Pending && t.DueAt <= now)
                   .OrderBy(t => t.DueAt).Select(t => t.Id).ToListAsync() is { Count: > 0 } due)
            await firing.FireAsync(due, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<NotificationDelivery>().DeliverDueAsync(CancellationToken.None);
    }

    /// Chains every event written so far, as the background sealer does within a second. The host's
    /// own sealer may hold the lock (on PostgreSQL a sealer that finds it held seals nothing): until none
    /// is left. Returning at once, a loaded run counted 5,000 of 10,000 new events sealed.
    public async Task SealHistoryAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var sealer = scope.ServiceProvider.GetRequiredService<Routing.Engine.History.HistorySealer>();
        var db = scope.ServiceProvider.GetRequiredService<RoutingDb>();
        await sealer.SealAllAsync(CancellationToken.None);
        while (await db.History.AnyAsync(e => e.ChainIndex == null))
        {
            await Task.Delay(20);
            await sealer.SealAllAsync(CancellationToken.None);
        }
    }

    internal async Task<T> WithStoreAsync<T>(Func<RoutingDb, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<RoutingDb>());
    }

    /// A store from before a migration: the host stopped, the store taken back to `migration`,
    /// changed with `sql` (as the build of then would have left it), migrated up again and the host
    /// started on it.
    internal async Task UpgradeFromAsync(string migration, string sql)
    {
        Client.Dispose();
        await App.DisposeAsync();
        await using (var db = Store.Open())
        {
            await db.GetService<IMigrator>().MigrateAsync(migration);
            await db.Database.ExecuteSqlRawAsync(sql);
            await db.Database.MigrateAsync();
        }
        await InitializeAsync();
    }

    /// The triggers the provider's `DROP TRIGGER …` script names (what a migration created), and
    /// every trigger the migrated store holds: a SQLite migration that rebuilds a table drops its triggers.
    internal async Task<(List<string> Expected, List<string> Stored)> TriggersAsync(string dropPostgres, string dropSqlite)
    {
        var postgres = await WithStoreAsync(db => Task.FromResult(db.Database.IsNpgsql()));
        var expected = System.Text.RegularExpressions.Regex.Matches(postgres ? dropPostgres : dropSqlite, @"DROP TRIGGER (\w+)")
            .Select(m => m.Groups[1].Value).ToList();
        var stored = await WithStoreAsync(db => db.Database.SqlQueryRaw<string>(postgres
            ? "SELECT tgname::text AS \"Value\" FROM pg_trigger WHERE NOT tgisinternal"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'trigger'").ToListAsync());
        return (expected, stored);
    }

    public virtual async Task DisposeAsync()
    {
        Client.Dispose();
        await App.DisposeAsync();
        await Store.DisposeAsync();
    }
}

public sealed class SqliteFixture() : RoutingFixture(TestStore.Sqlite());

public sealed class PostgresFixture() : RoutingFixture(TestStore.Postgres());
