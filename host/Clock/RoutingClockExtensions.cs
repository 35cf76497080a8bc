using Hangfire;
using Hangfire.PostgreSql;
using Routing.Engine.Store;
using Routing.Workflows.Timers;

namespace Microsoft.Extensions.DependencyInjection;

internal static class RoutingClockExtensions
{
    /// Hangfire as the clock: in memory on the embedded default, in PostgreSQL (shared by
    /// every host) when the store is PostgreSQL.
    public static IServiceCollection AddRoutingClock(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new();
        var clock = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>() ?? new();
        var postgres = storage.Provider == StorageProvider.Postgres;
        services.PostConfigure<ClockOptions>(o => o.JobsInMemory = !postgres);

        services.AddHangfire(c =>
        {
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (postgres)
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(configuration.GetConnectionString("Routing")),
                    new PostgreSqlStorageOptions { QueuePollInterval = clock.PollingInterval, PrepareSchemaIfNecessary = true });
            else
                c.UseInMemoryStorage();
        });
        if (clock.Enabled)
            services.AddHangfireServer(o =>
            {
                o.SchedulePollingInterval = clock.PollingInterval;
                o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            });
        return services;
    }
}
