using Routing.Engine.Calendars;
using Routing.Engine.Lifecycles;
using Routing.Engine.Metrics;
using Routing.Engine.Departments;
using Routing.Engine.Intake;
using Routing.Rules;
using Routing.Rules.Rulesets;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoutingRulesExtensions
{
    /// The RulesEngine adapter: loads, validates, compiles and evaluates the active ruleset.
    /// Register after AddRoutingEngine: its start-up needs the store's schema.
    public static IServiceCollection AddRoutingRules(this IServiceCollection services)
    {
        services.AddOptions<RulesOptions>().BindConfiguration(RulesOptions.Section)
            .Check(o => string.IsNullOrWhiteSpace(o.Folder) ? $"{RulesOptions.Section}:Folder must name a folder." : null)
            .Check(o => o.RefreshEvery <= TimeSpan.Zero ? $"{RulesOptions.Section}:RefreshEvery must be longer than zero, not {o.RefreshEvery}." : null)
            .Check(o => o.EvaluationBudget <= TimeSpan.Zero || o.EvaluationBudget > RulesOptions.MaxEvaluationBudget
                ? $"{RulesOptions.Section}:EvaluationBudget must be longer than zero and at most {RulesOptions.MaxEvaluationBudget}, not {o.EvaluationBudget}." : null)
            .ValidateOnStart();
        services.AddSingleton<ActiveRuleset>();
        services.AddSingleton<IReportRouter>(sp => sp.GetRequiredService<ActiveRuleset>());
        services.AddSingleton<IDepartmentDirectory>(sp => sp.GetRequiredService<ActiveRuleset>());
        services.AddSingleton<IWorkingCalendars>(sp => sp.GetRequiredService<ActiveRuleset>());
        services.AddSingleton<ILifecycles, LifecycleCatalog>();
        services.AddSingleton<RulesetCache>();
        services.AddScoped<RulesetAdmin>();
        services.AddScoped<IcalHolidaysImport>();
        services.AddScoped<DueTimesRecompute>();
        services.AddScoped<RulesetSimulator>();
        services.AddHostedService<RulesetStartup>();
        // It needs the lifecycles and calendars just loaded, and runs before timers fire.
        services.AddHostedService<MetricsBackfill>();
        services.AddHostedService<RulesetRefresher>();
        return services;
    }
}
