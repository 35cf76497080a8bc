using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Routing.Engine.Store;
using Routing.Workflows.Timers;

namespace Microsoft.Extensions.DependencyInjection;

internal static class RoutingClockExtensions
{
    /// Hangfire as the clock: in memory on the embedded default, in PostgreSQL (shared by
    /// every host) when the store is PostgreSQL. The store and the clock's settings are read
    /// when the host starts (Routing:Storage, Routing:Clock), not here.
    public static IServiceCollection AddRoutingClock(this IServiceCollection services)
    {
        services.AddOptions<ClockOptions>().PostConfigure<IOptions<StorageOptions>>((clock, storage) =>
            clock.JobsInMemory = storage.Value.Provider != StorageProvider.Postgres);

        services.AddHangfire((sp, c) =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage.Provider == StorageProvider.Postgres)
                c.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(storage.ConnectionString),
                    new PostgreSqlStorageOptions { QueuePollInterval = Clock(sp).PollingInterval, PrepareSchemaIfNecessary = true });
            else
                c.UseInMemoryStorage();
        });
        services.AddHangfireServer((sp, o) =>
        {
            o.SchedulePollingInterval = Clock(sp).PollingInterval;
            o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
        });
        // The server runs only where the clock is on (Routing:Clock:Enabled): its hosted service
        // is made when the host starts, or stands aside.
        var server = services.Last(d => d.ServiceType == typeof(IHostedService));
        services[services.IndexOf(server)] = ServiceDescriptor.Transient<IHostedService>(sp =>
            Clock(sp).Enabled ? (IHostedService)server.ImplementationFactory!(sp) : new ClockOff());
        return services;
    }

    static ClockOptions Clock(IServiceProvider services) => services.GetRequiredService<IOptions<ClockOptions>>().Value;

    sealed class ClockOff : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
