using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Options;
using Routing.Engine.Patterns;
using Routing.Engine.Store;
using Routing.Host.Patterns;
using Routing.Workflows.Timers;

namespace Microsoft.Extensions.DependencyInjection;

internal static class RoutingSchedulerExtensions
{
    /// Hangfire as the scheduler that fires timers and delivers notifications: in memory on the
    /// embedded default, in PostgreSQL (shared by every host) when the store is PostgreSQL. The
    /// store and the scheduler's settings are read when the host starts (Routing:Storage,
    /// Routing:Clock — the scheduler's settings keep their historic name), not here.
    public static IServiceCollection AddRoutingScheduler(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().PostConfigure<IOptions<StorageOptions>>((scheduler, storage) =>
            scheduler.JobsInMemory = storage.Value.Provider != StorageProvider.Postgres);

        // The host's own storage, not Hangfire's static JobStorage.Current (which Hangfire's DI would otherwise
        // read): hosts that share a process (tests) would race for it and could take each other's.
        services.AddSingleton<JobStorage>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.Provider != StorageProvider.Postgres) return new Hangfire.InMemory.InMemoryStorage();
            var options = Options(sp);
            return new PostgreSqlStorage(sp.GetRequiredService<HangfireConnections>(), options);
        });
        services.AddSingleton(sp => new HangfireConnections(sp.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString!));
        services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        services.AddHangfireServer((sp, o) =>
        {
            o.SchedulePollingInterval = Scheduler(sp).PollingInterval;
            o.WorkerCount = Math.Max(4, Environment.ProcessorCount * 2);
            // Timers first: a free worker takes a firing before a delivery or a scan (Hangfire's
            // PostgreSQL storage takes queues in alphabetical order: clock, then default), so a
            // burst's firings never wait behind the notifications its first batches queued.
            o.Queues = [TimerJobs.FiringQueue, "default"];
            // Named after the machine (Hangfire adds the process id), also where HOSTNAME is not in
            // the environment (systemd): the dashboard tells hosts apart, and /health/ready finds its own.
            o.ServerName = Environment.MachineName;
        });
        // The server runs only where the scheduler is on (Routing:Clock:Enabled): its hosted service
        // is made when the host starts, or stands aside.
        var server = services.Last(d => d.ServiceType == typeof(IHostedService));
        services[services.IndexOf(server)] = ServiceDescriptor.Transient<IHostedService>(sp =>
            Scheduler(sp).Enabled ? (IHostedService)server.ImplementationFactory!(sp) : new SchedulerOff());

        // Scans after imports and daily.
        services.AddOptions<PatternOptions>().Check(o => SchedulerOptions.IsCron(o.DailyScanCron) ? null
            : $"{PatternOptions.Section}:DailyScanCron ({o.DailyScanCron}) is not a cron expression (five fields, or six with the seconds first).");
        services.AddSingleton<ImportsToScan>();
        services.AddScoped<PatternScanJobs>();
        services.AddHostedService<PatternScanSchedule>();
        return services;
    }

    static PostgreSqlStorageOptions Options(IServiceProvider services) => new()
    {
        QueuePollInterval = Scheduler(services).PollingInterval,
        PrepareSchemaIfNecessary = true,
        // A host killed while it holds a lock (the recurring jobs', a job's, a pattern scan's)
        // leaves it in the store until it is this old: with the default 10 minutes, the clock of
        // every other host stopped for that long. Every lock here is held for seconds at most.
        DistributedLockTimeout = TimeSpan.FromSeconds(30),
    };

    static SchedulerOptions Scheduler(IServiceProvider services) => services.GetRequiredService<IOptions<SchedulerOptions>>().Value;

    sealed class SchedulerOff : IHostedService
    {
        public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
