using Routing.Workflows.Notifications;
using Routing.Workflows.Timers;
using Routing.Workflows.WorkItems;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoutingWorkflowsExtensions
{
    /// The work-item workflow: people's actions, timed steps, notifications, and the
    /// dispatch of timers to Hangfire (which the host configures).
    public static IServiceCollection AddRoutingWorkflows(this IServiceCollection services)
    {
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.Section)
            .Check(o => SchedulerOptions.IsCron(o.DispatchCron) ? null
                : $"{SchedulerOptions.Section}:DispatchCron ({o.DispatchCron}) is not a cron expression (five fields, or six with the seconds first).")
            .Check(o => o.Window <= TimeSpan.Zero ? $"{SchedulerOptions.Section}:Window must be longer than zero, not {o.Window}." : null)
            .Check(o => o.LostAfter <= TimeSpan.Zero ? $"{SchedulerOptions.Section}:LostAfter must be longer than zero, not {o.LostAfter}." : null)
            .Check(o => o.BatchSize <= 0 ? $"{SchedulerOptions.Section}:BatchSize must be at least 1, not {o.BatchSize}." : null)
            .Check(o => o.PollingInterval <= TimeSpan.Zero ? $"{SchedulerOptions.Section}:PollingInterval must be longer than zero, not {o.PollingInterval}." : null)
            .ValidateOnStart();
        services.AddOptions<UndoOptions>().BindConfiguration(UndoOptions.Section)
            .Check(o => o.UndoWithin <= TimeSpan.Zero ? $"{UndoOptions.Section}:UndoWithin must be longer than zero, not {o.UndoWithin}." : null)
            // A period's accountability figures are kept once it has settled: no undo may change them after.
            .Check(o => o.UndoWithin >= Routing.Engine.Metrics.Periods.Settle
                ? $"{UndoOptions.Section}:UndoWithin must be shorter than {Routing.Engine.Metrics.Periods.Settle} (when accountability periods settle), not {o.UndoWithin}." : null)
            .ValidateOnStart();
        services.AddScoped<WorkItemActionService>();
        services.AddScoped<WorkItemUndo>();
        services.AddScoped<WorkItemMoves>();
        services.AddScoped<TimedSteps>();
        services.AddScoped<ResolutionCheck>();
        services.AddScoped<EffectivenessDecision>();
        services.AddScoped<TimerFiring>();
        services.AddScoped<TimerDispatcher>();
        services.AddScoped<TimerJobs>();
        services.AddScoped<MetricsRollup>();
        services.AddScoped<TallyFold>();
        services.AddScoped<ClockJobs>(); // jobs stored under the former name
        services.AddScoped<NotificationDelivery>();
        services.AddScoped<EmailDigests>();
        services.AddOptions<Routing.Engine.Notifications.EmailOptions>()
            .Check(o => SchedulerOptions.IsCron(o.DailyDigestCron) ? null
                : $"{Routing.Engine.Notifications.EmailOptions.Section}:DailyDigestCron ({o.DailyDigestCron}) is not a cron expression.");
        services.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnection.Handler(sp.GetRequiredService<Routing.Engine.Notifications.WebhookAddressPolicy>()));
        services.AddScoped<Notifier>();
        services.Scan(scan => scan.FromAssemblyOf<TimerFiring>()
            .AddClasses(c => c.AssignableTo<INotificationChannel>(), publicOnly: false).As<INotificationChannel>().WithScopedLifetime());
        services.AddHostedService<SchedulerStartup>();
        return services;
    }
}
