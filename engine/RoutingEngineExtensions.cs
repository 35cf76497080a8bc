using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Routing.Engine.History;
using Routing.Engine.Intake;
using Routing.Engine.Notifications;
using Routing.Engine.Store;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoutingEngineExtensions
{
    /// The store (SQLite or PostgreSQL), the history journal and the intake pipeline.
    public static IServiceCollection AddRoutingEngine(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton(sp => new WebhookAddressPolicy(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowedHosts));
        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        var connectionString = configuration.GetConnectionString("Routing");

        if (provider == StorageProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Routing:Storage:Provider is Postgres but ConnectionStrings:Routing is not set.");
            services.AddSingleton(_ => PostgresDataSource.Create(connectionString));
            services.AddDbContextPool<PostgresRoutingDb>((sp, o) => Quiet(o.UseNpgsql(sp.GetRequiredService<Npgsql.NpgsqlDataSource>())));
            services.AddScoped<RoutingDb>(sp => sp.GetRequiredService<PostgresRoutingDb>());
        }
        else
        {
            services.AddDbContextPool<SqliteRoutingDb>(o => Quiet(o.UseSqlite(connectionString ?? StorageOptions.DefaultSqlite)));
            services.AddScoped<RoutingDb>(sp => sp.GetRequiredService<SqliteRoutingDb>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<StoreStartup>();
        services.AddScoped<HistoryJournal>();
        services.AddScoped<HistorySealer>();
        services.AddScoped<HistoryVerifier>();
        services.AddHostedService<HistorySealing>();
        services.AddScoped<ReportValidator>();
        services.AddScoped<IntakeService>();
        services.AddScoped<Routing.Engine.Access.ApiKeyService>();
        services.AddScoped<Routing.Engine.Access.ActingKey>();
        services.AddScoped<Routing.Engine.Access.ConsoleSessions>();
        services.AddOptions<Routing.Engine.Access.ConsoleSessionOptions>().BindConfiguration(Routing.Engine.Access.ConsoleSessionOptions.Section);
        return services;
    }

    /// EF logs every failed command and save as an error before the caller sees it. Ours are
    /// either expected (a concurrent duplicate's unique key, a claimed timer, a probe on a new
    /// database) or rethrown and logged once where they are handled, so they log at Debug.
    /// So does the advice to whoever writes migrations that SQLite rebuilds tables outside the
    /// transaction: shown on every new database, it is nothing an operator can act on.
    static DbContextOptionsBuilder Quiet(DbContextOptionsBuilder options) => options.ConfigureWarnings(w => w.Log(
        (CoreEventId.SaveChangesFailed, LogLevel.Debug),
        (RelationalEventId.CommandError, LogLevel.Debug),
        (CoreEventId.QueryIterationFailed, LogLevel.Debug),
        (RelationalEventId.ConnectionError, LogLevel.Debug),
        (RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug),
        (SqliteEventId.TableRebuildPendingWarning, LogLevel.Debug)));
}
