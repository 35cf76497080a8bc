using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Routing.Engine.Access;
using Routing.Engine.Complaints;
using Routing.Engine.Effectiveness;
using Routing.Engine.Exposure;
using Routing.Engine.History;
using Routing.Engine.Intake;
using Routing.Engine.Notifications;
using Routing.Engine.Patterns;
using Routing.Engine.Store;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoutingEngineExtensions
{
    /// The store (SQLite or PostgreSQL), the history journal and the intake pipeline. Settings
    /// are read when the host starts, and a bad one stops the start with its name.
    public static IServiceCollection AddRoutingEngine(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((o, configuration) => o.ConnectionString = configuration.GetConnectionString("Routing"))
            .Check(o => Enum.IsDefined(o.Provider) ? null : $"{StorageOptions.Section}:Provider must be Sqlite or Postgres, not {o.Provider}.")
            .Check(o => o.Provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(o.ConnectionString)
                ? $"{StorageOptions.Section}:Provider is Postgres but ConnectionStrings:Routing is not set." : null)
            .ValidateOnStart();
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section)
            .Check(o => o.SealEvery < TimeSpan.Zero
                ? $"{HistoryOptions.Section}:SealEvery must not be negative (zero turns sealing off on this host), not {o.SealEvery}." : null)
            .ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section)
            .Check(o => o.AllowedHosts.Select((entry, i) => WebhookAddressPolicy.IsReadable(entry) ? null
                    : $"{WebhookOptions.Section}:AllowedHosts:{i} ({entry}) is not a host name, an IP address or a CIDR range.")
                .FirstOrDefault(problem => problem is not null))
            .ValidateOnStart();
        services.AddOptions<PublicUrlOptions>().BindConfiguration(PublicUrlOptions.Section).Check(o => o.Problem()).ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).Check(o => o.Problem()).ValidateOnStart();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton(sp => new WebhookAddressPolicy(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowedHosts));
        services.AddOptions<ConsoleSessionOptions>().BindConfiguration(ConsoleSessionOptions.Section)
            .Check(o => o.IdleTimeout <= TimeSpan.Zero ? $"{ConsoleSessionOptions.Section}:IdleTimeout must be longer than zero, not {o.IdleTimeout}." : null)
            .Check(o => o.Lifetime <= TimeSpan.Zero ? $"{ConsoleSessionOptions.Section}:Lifetime must be longer than zero, not {o.Lifetime}." : null)
            .ValidateOnStart();

        // Both stores are registered; the setting picks one when a scope first asks for the store.
        services.AddSingleton(sp => PostgresDataSource.Create(Storage(sp).ConnectionString!));
        services.AddDbContextPool<PostgresRoutingDb>((sp, o) => Quiet(o.UseNpgsql(sp.GetRequiredService<Npgsql.NpgsqlDataSource>())));
        services.AddDbContextPool<SqliteRoutingDb>((sp, o) => Quiet(o.UseSqlite(Storage(sp).ConnectionString ?? StorageOptions.DefaultSqlite)));
        services.AddScoped<RoutingDb>(sp => Storage(sp).Provider == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresRoutingDb>()
            : sp.GetRequiredService<SqliteRoutingDb>());

        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<StoreStartup>();
        services.AddScoped<HistoryJournal>();
        services.AddScoped<HistorySealer>();
        services.AddScoped<HistoryVerifier>();
        services.AddHostedService<HistorySealing>();
        services.AddScoped<ReportValidator>();
        services.AddScoped<IntakeService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<ActingKey>();
        services.AddScoped<ConsoleSessions>();
        services.AddScoped<ComplaintImport>();
        services.AddScoped<ExposureImport>();
        services.AddOptions<PatternOptions>().BindConfiguration(PatternOptions.Section).Check(o => o.Problem()).ValidateOnStart();
        services.AddScoped<PatternScan>();
        services.AddScoped<PatternDecisions>();
        services.AddScoped<EffectivenessMeasure>();
        services.AddScoped<EffectivenessReading>();
        return services;
    }

    static StorageOptions Storage(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;

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
