using Microsoft.Extensions.Configuration;
using Routing.Workflows.Notifications;
using Routing.Workflows.Timers;
using Routing.Workflows.WorkItems;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoutingWorkflowsExtensions
{
    /// The work-item workflow: people's actions, timed steps, notifications, and the
    /// dispatch of timers to Hangfire (which the host configures).
    public static IServiceCollection AddRoutingWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ClockOptions>().BindConfiguration(ClockOptions.Section);
        services.AddScoped<WorkItemActionService>();
        services.AddScoped<TimerFiring>();
        services.AddScoped<TimerDispatcher>();
        services.AddScoped<ClockJobs>();
        services.AddScoped<NotificationDelivery>();
        services.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnection.Handler(sp.GetRequiredService<Routing.Engine.Notifications.WebhookAddressPolicy>()));
        services.AddScoped<Notifier>();
        services.Scan(scan => scan.FromAssemblyOf<TimerFiring>()
            .AddClasses(c => c.AssignableTo<ITimedStep>(), publicOnly: false).As<ITimedStep>().WithScopedLifetime()
            .AddClasses(c => c.AssignableTo<INotificationChannel>(), publicOnly: false).As<INotificationChannel>().WithScopedLifetime());
        if (configuration.GetSection(ClockOptions.Section).Get<ClockOptions>()?.Enabled ?? true)
            services.AddHostedService<ClockStartup>();
        return services;
    }
}
