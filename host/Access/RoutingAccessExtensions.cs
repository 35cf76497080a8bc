using Routing.Host.Access;

namespace Microsoft.Extensions.DependencyInjection;

internal static class RoutingAccessExtensions
{
    /// API keys, role and department authorization, throttling of failed authentications, the proxies trusted to name the client.
    public static IServiceCollection AddRoutingAccess(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section)
            .Check(o => o.BootstrapAdminKey is { Length: > 0 and < AuthOptions.MinBootstrapKeyLength }
                ? $"{AuthOptions.Section}:BootstrapAdminKey must have at least {AuthOptions.MinBootstrapKeyLength} characters." : null)
            .Check(o => string.IsNullOrWhiteSpace(o.AdminKeyFile) ? $"{AuthOptions.Section}:AdminKeyFile must name a file." : null)
            .ValidateOnStart();
        services.AddRoutingProxy();
        services.AddRoutingKeyRing();
        services.AddSingleton<FailedAuthentications>();
        services.AddHostedService(sp => sp.GetRequiredService<FailedAuthentications>());
        services.AddAuthentication(ApiKeyAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        services.AddAuthorization(Policies.Add);
        services.AddHostedService<AccessStartup>();
        return services;
    }
}
